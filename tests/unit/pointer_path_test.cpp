// io/pointer_path.hpp: the readers' pointers, written out only for a diagnostic, must read exactly
// as the strings they replace (json_document.hpp's pointer_child, level by level).
#include <catch2/catch.hpp>

#include <string>

#include "io/json_document.hpp"
#include "io/pointer_path.hpp"
#include "io/scenario_reader.hpp"

TEST_CASE("A pointer path writes out the pointer pointer_child builds", "[errors][pointer]") {
    using subsim::PointerPath;
    using subsim::pointer_child;
    const PointerPath root("");
    CHECK(root.str().empty());
    const PointerPath plan("/catalog", "plans", 3);
    CHECK(plan.str() == pointer_child(pointer_child("/catalog", "plans"), 3));
    const PointerPath trial(plan, "trial");
    CHECK(trial.str() == "/catalog/plans/3/trial");
    const PointerPath reminder(plan, "reminders", 0);
    CHECK(reminder.str() == "/catalog/plans/3/reminders/0");
    const PointerPath item = root / 12;
    CHECK(item.str() == "/12");
    CHECK((root / "").str() == "/");  // an empty key is a level too
    CHECK((trial / "a/b~c").str() == pointer_child(trial.str(), "a/b~c"));  // "~1" and "~0"
    CHECK((trial / "a/b~c").str() == "/catalog/plans/3/trial/a~1b~0c");
}

TEST_CASE("Reader errors keep their pointers at every depth", "[errors][pointer]") {
    const std::string text = R"({"subsim": 1, "currency": "EUR", "start": "2025-01-01", "until": "2025-12-31",
      "account": {"id": "a", "created": "2020-01-01", "users": [{"id": "u", "role": "owner", "name": ""}]},
      "catalog": {"products": [{"id": "p", "name": "P", "requires": ["q"]}],
                  "plans": [{"id": "m", "product": "p", "price": 1, "period": "P1M", "reminders": ["P0D"], "a/b": 1}]},
      "subscriptions": [{"id": "s", "plans": ["m", "x"], "start": "2025-01-01"}],
      "actions": [{"on": "2025-02-01", "do": "cancel", "subscription": "s", "products": ["z"]}],
      "expect": [{"event": "invoice", "subscription": "t"}]})";
    const subsim::ScenarioReading reading = subsim::read_scenario(text);
    std::vector<std::string> pointers;
    for (const subsim::Diagnostic& d : reading.errors) pointers.push_back(d.pointer);
    CHECK(pointers == std::vector<std::string>{"/account/users/0/name", "/catalog/products/0/requires/0",
                                               "/catalog/plans/0/reminders/0", "/catalog/plans/0/a~1b",
                                               "/subscriptions/0/plans/1", "/actions/0/products/0",
                                               "/expect/0/subscription"});
}
