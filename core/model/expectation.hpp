#pragma once
// An `expect` entry of a scenario (SPEC §2.5): what an author says must happen.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "domain/date.hpp"

namespace subsim {

struct StateExpectation {
    Date on;
    std::size_t subscription = 0;
    std::optional<std::size_t> product;
    std::string state;
};

struct EventExpectation {
    std::string type;
    std::optional<std::size_t> subscription;
    bool product_given = false;            // "product" key present (its value may be null)
    std::optional<std::size_t> product;    // catalog product index, or null
    std::optional<Date> on;
    std::optional<std::int64_t> count;
    bool absent = false;
    std::optional<std::string> rule;  // format 2: matches only events with this rule
};

struct TotalChargedExpectation {
    std::int64_t total_charged = 0;
};

// Format 2 (SPEC-v2 §10.6).
struct TotalCreditedExpectation {
    std::int64_t total_credited = 0;
};
struct TotalUnpaidExpectation {
    std::int64_t total_unpaid = 0;
};

using Expectation = std::variant<StateExpectation, EventExpectation, TotalChargedExpectation, TotalCreditedExpectation,
                                 TotalUnpaidExpectation>;

}  // namespace subsim
