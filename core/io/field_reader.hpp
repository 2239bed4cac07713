#pragma once
// Typed, error-collecting access to a JSON object's members. Every problem becomes a Diagnostic
// with the member's pointer (JsonDocument::locate adds positions to all of them at the end), and
// reading goes on so that all errors are reported.
#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "domain/date.hpp"
#include "domain/duration.hpp"
#include "io/json_document.hpp"
#include "io/json_value.hpp"
#include "io/pointer_path.hpp"

namespace subsim {

using Json = JsonValue;

class FieldReader {
public:
    explicit FieldReader(Diagnostics& out) : out_(out) {}

    void error(const PointerPath& pointer, std::string message, bool at_key = false);
    std::size_t error_count() const { return out_.size(); }

    // The value as an object (or null after reporting "expected an object").
    const Json* as_object(const Json& value, const PointerPath& ptr, std::string_view what);
    // Reports every key not in `allowed` (keys starting with "x-" are free).
    void only_keys(const Json& object, const PointerPath& ptr, std::initializer_list<std::string_view> allowed);
    // The same, with keys that format version 2 adds: in a version 1 file they are unknown keys
    // whose message says they need "subsim": 2 (SPEC-v2 §9).
    void only_keys(const Json& object, const PointerPath& ptr, std::initializer_list<std::string_view> allowed,
                   std::initializer_list<std::string_view> v2_keys);

    int version = 1;  // the file's "subsim", once read

    // Reader-relative dates (SPEC-v2 §8): the caller's reference date, and every relative value
    // read, by pointer, as written and resolved (for the errors that concern it).
    struct RelativeValue {
        std::string text;
        Date resolved;
    };
    std::optional<Date> today;
    std::map<std::string, RelativeValue> relative;

    const Json* member(const Json& object, const PointerPath& ptr, std::string_view key, bool required);
    const Json* array(const Json& object, const PointerPath& ptr, std::string_view key, bool required,
                      std::size_t max_items);

    std::optional<std::string> string(const Json& object, const PointerPath& ptr, std::string_view key, bool required);
    std::optional<Date> date(const Json& object, const PointerPath& ptr, std::string_view key, bool required);
    std::optional<Date> date_value(const Json& value, const PointerPath& ptr);
    // Non-zero unless allow_zero.
    std::optional<Duration> duration(const Json& object, const PointerPath& ptr, std::string_view key, bool required,
                                     bool allow_zero);
    std::optional<Duration> duration_value(const Json& value, const PointerPath& ptr, bool allow_zero);
    std::optional<bool> boolean(const Json& object, const PointerPath& ptr, std::string_view key, bool required);
    std::optional<std::int64_t> integer(const Json& object, const PointerPath& ptr, std::string_view key, bool required,
                                        std::int64_t min, std::int64_t max);
    // One of `choices`, reported with the list when it is not.
    std::optional<std::string> choice(const Json& object, const PointerPath& ptr, std::string_view key, bool required,
                                      std::initializer_list<std::string_view> choices);
    std::optional<std::string> choice(const Json& object, const PointerPath& ptr, std::string_view key, bool required,
                                      std::span<const std::string_view> choices);

private:
    std::optional<Date> relative_date_value(const std::string& text, const PointerPath& ptr);

    Diagnostics& out_;
};

std::string in_quotes(std::string_view s);
std::string describe_json_type(const Json& value);

}  // namespace subsim
