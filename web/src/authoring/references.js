/* Which keys of the format name an item defined elsewhere in the scenario (the schema types them
 * as plain strings), so the editor can complete them and the builder can offer a list: the
 * schema path of the referring key → the schema path of the list whose items' ids it names. */
export const REFERENCES = {
  '/catalog/products/*/requires/*': '/catalog/products',
  '/catalog/plans/*/product': '/catalog/products',
  '/catalog/bundles/*/products/*': '/catalog/products',
  '/account/owner': '/account/users',
  '/subscriptions/*/plans/*': '/catalog/plans',
  '/subscriptions/*/bundle': '/catalog/bundles',
  '/actions/*/by': '/account/users',
  '/actions/*/subscription': '/subscriptions',
  '/actions/*/products/*': '/catalog/products',
  '/expect/*/subscription': '/subscriptions',
  '/expect/*/product': '/catalog/products',
};

// The ids defined by the list at `listPath` in a parsed scenario.
export function idsOf(scenario, listPath) {
  let node = scenario;
  for (const token of listPath.split('/').slice(1)) node = node && typeof node === 'object' ? node[token] : undefined;
  return Array.isArray(node) ? node.map((x) => x && x.id).filter((id) => typeof id === 'string' && id !== '') : [];
}

// The ids a key at `path` may name (empty when it names none).
export function referencedIds(scenario, path) {
  const list = REFERENCES[path];
  return list ? idsOf(scenario, list) : [];
}
