// SPEC §3 (v1.3): the refusals of every action start with not_permitted, then account_closed,
// then transferred — whatever else might also be wrong.
//
// Synopsis: s2 moves to another organization on 2025-03-01, the account is closed on 2025-03-02
// (s1 ends on 2025-03-15, the account closes then); each action is tried on s2 before and after
// the closure, by the owner and by an employee.
#include "scenario_builder.hpp"

using namespace subsim::test;

namespace {

json attempt(const std::string& on, const std::string& what, const char* by) {
    json a = {{"on", on}, {"do", what}, {"by", by}};
    if (what != "add_payment_method" && what != "close_account") a["subscription"] = "s2";
    if (what == "transfer") a["to"] = "other-org";
    return a;
}

}  // namespace

TEST_CASE("Every action's refusals start with not_permitted, account_closed, transferred", "[refusal][order]") {
    const bool on_subscription[] = {true, true, true, true, false, false};
    const char* actions[] = {"cancel", "reactivate", "renew", "transfer", "add_payment_method", "close_account"};
    for (std::size_t i = 0; i < 6; ++i) {
        const std::string what = actions[i];
        DYNAMIC_SECTION(what) {
            json sc = base_scenario();
            add_subscription(sc, "s2", {"app-monthly"}, "2025-01-15");
            act(sc, {{"on", "2025-03-01"}, {"do", "transfer"}, {"subscription", "s2"}, {"to", "sister-org"}});
            act(sc, attempt("2025-03-05", what, "olivia"));
            act(sc, attempt("2025-03-06", what, "emma"));
            act(sc, {{"on", "2025-03-07"}, {"do", "close_account"}});
            act(sc, attempt("2025-03-20", what, "emma"));
            act(sc, attempt("2025-03-21", what, "olivia"));
            const Run run{sc};
            const auto reason_on = [&](const char* on) {
                const Events refused = run.events("action_refused").on(on);
                return refused.empty() ? std::string("accepted") : refused.only()["details"]["reason"].get<std::string>();
            };
            if (on_subscription[i]) CHECK(reason_on("2025-03-05") == "transferred");
            CHECK(reason_on("2025-03-06") == "not_permitted");
            CHECK(reason_on("2025-03-20") == "not_permitted");
            CHECK(reason_on("2025-03-21") == "account_closed");
        }
    }
}
