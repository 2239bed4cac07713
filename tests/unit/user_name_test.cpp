// SPEC §2.2 (v1.3): a user may have a `name`, how sentences call that person; without one the id
// is used as written. A name, when given, is non-empty text; other keys are still errors.
#include "io/scenario_reader.hpp"
#include "scenario_builder.hpp"

using namespace subsim::test;

namespace {

// The errors of the base scenario once its first user (olivia) gets `name`.
std::vector<subsim::Diagnostic> errors_with_name(const json& name) {
    json sc = base_scenario();
    sc["account"]["users"][0]["name"] = name;
    return subsim::read_scenario(sc.dump(2)).errors;
}

}  // namespace

TEST_CASE("A user's name is read into the model and is optional", "[users][input]") {
    json sc = base_scenario();
    sc["account"]["users"][1]["name"] = "Ben Okafor";
    const auto reading = subsim::read_scenario(sc.dump(2));
    REQUIRE(reading.scenario);
    const auto& users = reading.scenario->account.users;
    CHECK(users[1].name == std::optional<std::string>{"Ben Okafor"});
    CHECK_FALSE(users[0].name.has_value());

    SECTION("an empty name is an error at the name, not a silent fallback") {
        const auto errors = errors_with_name("");
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].pointer == "/account/users/0/name");
        CHECK(errors[0].line > 1);
    }
    SECTION("a name must be text") {
        const auto errors = errors_with_name(42);
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].pointer == "/account/users/0/name");
    }
    SECTION("unknown user keys are still errors") {
        json bad = base_scenario();
        bad["account"]["users"][0]["nickname"] = "Liv";
        const auto errors = subsim::read_scenario(bad.dump(2)).errors;
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].pointer == "/account/users/0/nickname");
    }
}
