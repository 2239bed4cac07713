#pragma once
// Reader errors in the author's terms for two common mistakes, so that the message says what is
// wrong rather than restating the format: a date written the right way that does not exist
// ("29 February 2025 does not exist (2025 is not a leap year)"), and a known key written at the
// wrong level ("\"products\" belongs inside \"catalog\""). FieldReader calls them in one line
// each; the key places come from the field guide (core/narrate/field_guide.hpp), the one list of
// every key's schema path. Reader errors are English (SPEC §5).
#include <optional>
#include <string>
#include <string_view>

namespace subsim {

// What is wrong with a text that looks like a date but is not one (no such month or day, month
// or day not written with two digits), or nullopt when the generic message says it better.
std::optional<std::string> date_hint(std::string_view text);
// The same for any JSON value (JsonValue, nlohmann::json): nullopt unless it is a text.
template <class Json>
std::optional<std::string> date_hint(const Json& value) {
    if (!value.is_string()) return std::nullopt;
    return date_hint(std::string_view(value.template get<std::string>()));
}

// "; it belongs inside \"catalog\"" when `key`, unknown in the object at `object_pointer`, is a
// key of the format somewhere else (the places nearest to that object, then to the top, at most
// three); else "".
std::string misplaced_key_hint(std::string_view object_pointer, std::string_view key);

// `typo_hint` ("; did you mean …?") when there is one, else the misplaced-key hint.
std::string or_misplaced(std::string typo_hint, std::string_view object_pointer, std::string_view key);

}  // namespace subsim
