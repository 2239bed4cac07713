/* Who may act in a what-if: the account's users, plus the owner when not among them (SPEC §2.2:
 * an action without `by` is done by the owner), and whether the scenario's permissions let a user
 * do an action (only to mark "not allowed" in the form: the engine decides and says why). */
export function actors(scenario) {
  const acc = (scenario && scenario.account) || {}, out = [];
  (acc.users || []).forEach((u) => {
    if (u && typeof u.id === 'string') out.push({ id: u.id, name: typeof u.name === 'string' ? u.name : null, role: acc.owner === u.id ? 'owner' : String(u.role), listedRole: String(u.role) });
  });
  if (typeof acc.owner === 'string' && !out.some((u) => u.id === acc.owner)) out.push({ id: acc.owner, role: 'owner', listedRole: 'owner' });
  if (typeof acc.owner !== 'string') out.push({ id: '', role: 'owner', listedRole: 'owner' });   // no `by`
  return out;
}

export function permitted(scenario, actor, action) {
  const perms = (scenario && scenario.permissions) || {};
  const roles = Array.isArray(perms[action]) ? perms[action] : ['owner'];
  return roles.indexOf(actor.role) >= 0 || roles.indexOf(actor.listedRole) >= 0;
}
