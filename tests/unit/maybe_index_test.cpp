// engine/maybe_index.hpp: the index a rule names when it emits an event (or bills a line) is an
// index or none, whichever way the rule has it, and reads back as the optional the result holds.
#include <catch2/catch.hpp>

#include <cstddef>
#include <optional>

#include "engine/maybe_index.hpp"

using subsim::MaybeIndex;

TEST_CASE("An event's index is an index, none, or what an optional holds", "[engine]") {
    const MaybeIndex first{std::size_t{0}};
    REQUIRE(static_cast<bool>(first));
    CHECK(*first == 0);
    CHECK(first.optional() == std::optional<std::size_t>{0});

    const MaybeIndex none{std::nullopt};
    CHECK_FALSE(static_cast<bool>(none));
    CHECK(none.optional() == std::nullopt);

    CHECK(MaybeIndex{std::optional<std::size_t>{7}}.optional() == std::optional<std::size_t>{7});
    CHECK_FALSE(static_cast<bool>(MaybeIndex{std::optional<std::size_t>{}}));
}
