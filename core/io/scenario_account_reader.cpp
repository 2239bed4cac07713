// Reading the account, its users and the permissions by role.
#include "io/limits.hpp"
#include "io/scenario_parts.hpp"

namespace subsim {
namespace {

// One user: { "id", "role", "name"? }; a name, when given, is non-empty text.
void read_user(ScenarioParts& parts, const Json& v, const PointerPath& ptr) {
    FieldReader& r = parts.r;
    if (!r.as_object(v, ptr, "a user")) return;
    r.only_keys(v, ptr, {"id", "role", "name"});
    User u{r.string(v, ptr, "id", true).value_or(""), r.string(v, ptr, "role", true).value_or(""), std::nullopt};
    u.name = r.string(v, ptr, "name", false);
    if (u.name && u.name->empty()) {
        r.error(ptr / "name", "a user's name cannot be empty: leave \"name\" out to use the id");
        u.name.reset();
    }
    std::vector<User>& users = parts.sc.account.users;
    if (parts.register_id(parts.users, v, users.size(), ptr / "id", "user")) users.push_back(std::move(u));
}

}  // namespace

void ScenarioParts::read_account(const Json& root) {
    const Json* v = r.member(root, "", "account", true);
    if (!v || !r.as_object(*v, "/account", "\"account\"")) return;
    r.only_keys(*v, "/account", {"id", "created", "owner", "payment_method", "data_retention", "users"}, {"dunning", "consumer"});
    Account& a = sc.account;
    a.id = r.string(*v, "/account", "id", true).value_or("");
    a.created = r.date(*v, "/account", "created", true).value_or(Date{});
    a.owner = r.string(*v, "/account", "owner", false);
    a.payment_method = r.boolean(*v, "/account", "payment_method", false).value_or(false);
    a.data_retention = r.duration(*v, "/account", "data_retention", false, true).value_or(Duration::days(30));
    if (r.version >= 2) a.consumer = r.boolean(*v, "/account", "consumer", false).value_or(true);
    if (const Json* list = r.array(*v, "/account", "users", false, limits::users)) {
        a.users.reserve(list->size());  // (the model's lists are reserved once, not grown: fewer allocations)
        for (std::size_t i = 0; i < list->size(); ++i) read_user(*this, (*list)[i], PointerPath("/account", "users", i));
    }
    if (r.version >= 2) a.dunning = read_dunning(r, *v, "/account");
    // The owner may be named without being listed among the users: the role "owner" is implied.
    if (a.owner && !a.owner->empty()) users.insert(v->find("owner")->text(), a.users.size());  // (the text in the file)
}

void ScenarioParts::read_permissions(const Json& root) {
    const Json* v = r.member(root, "", "permissions", false);
    if (!v || !r.as_object(*v, "/permissions", "\"permissions\"")) return;
    r.only_keys(*v, "/permissions", {"cancel", "reactivate", "add_payment_method", "renew", "close_account", "transfer", "activate"},
                {"change_plan", "update_payment_method", "withdraw", "pause", "resume"});
    for (ActionKind kind : all_action_kinds) {
        if (format_version_of(kind) > r.version || !is_user_action(kind)) continue;
        const Json* list = r.array(*v, "/permissions", to_string(kind), false, limits::users);
        if (!list) continue;
        std::vector<std::string> roles;
        roles.reserve(list->size());
        for (std::size_t i = 0; i < list->size(); ++i) {
            if ((*list)[i].is_string()) roles.emplace_back((*list)[i].text());
            else r.error(PointerPath("/permissions", to_string(kind), i),
                         "a role must be text in quotes, not " + describe_json_type((*list)[i]));
        }
        sc.permissions.roles_by_action[static_cast<std::size_t>(kind)] = std::move(roles);
    }
}

}  // namespace subsim
