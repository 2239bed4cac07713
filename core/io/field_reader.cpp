#include "io/field_reader.hpp"

#include "io/error_hints.hpp"
#include "io/json_number.hpp"
#include "io/relative_date.hpp"
#include "io/utf8.hpp"

#include <algorithm>
#include <vector>

namespace subsim {
namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string suggestion(std::string_view key, std::span<const std::string_view> allowed) {
    std::string_view best;
    std::size_t best_distance = 3;  // only close typos are worth suggesting
    for (std::string_view candidate : allowed) {
        if (key.size() > 64) break;
        const std::size_t d = edit_distance(key, candidate);
        if (d < best_distance) {
            best_distance = d;
            best = candidate;
        }
    }
    return best.empty() ? "" : "; did you mean " + in_quotes(best) + "?";
}
std::string suggestion(std::string_view key, std::initializer_list<std::string_view> allowed) {
    return suggestion(key, std::span<const std::string_view>(allowed.begin(), allowed.size()));
}

std::string shorten(const std::string& s) { return s.size() > 60 ? std::string(utf8_prefix(s, 57)) + "..." : s; }

}  // namespace

std::string in_quotes(std::string_view s) { return std::string("\"").append(shorten(std::string(s))).append("\""); }

std::string describe_json_type(const Json& v) {
    switch (v.type()) {
        case Json::Type::null: return "null";
        case Json::Type::boolean: return v.boolean() ? "true" : "false";
        case Json::Type::string: return "the text " + in_quotes(v.text());
        case Json::Type::array: return "a list";
        case Json::Type::object: return "an object";
        case Json::Type::floating: return "the number " + shorten(shortest_double_text(v.text()));
        case Json::Type::unsigned_integer: return "the number " + std::to_string(v.unsigned_integer());
        default: return "the number " + std::to_string(v.integer());
    }
}

void FieldReader::error(const PointerPath& pointer, std::string message, bool at_key) {
    out_.push_back(Diagnostic{pointer.str(), std::move(message), 1, 1, at_key});  // located at the end, all at once
}

const Json* FieldReader::as_object(const Json& value, const PointerPath& ptr, std::string_view what) {
    if (value.is_object()) return &value;
    error(ptr, std::string(what) + " must be an object { ... }, not " + describe_json_type(value));
    return nullptr;
}

void FieldReader::only_keys(const Json& object, const PointerPath& ptr, std::initializer_list<std::string_view> allowed) {
    for (const Json& member : object) {
        const auto is_key = [&](std::string_view k) { return same_key(k, member.key()); };
        if (std::any_of(allowed.begin(), allowed.end(), is_key)) continue;
        const std::string key(member.key());
        if (key.rfind("x-", 0) == 0) continue;
        error(PointerPath(ptr, key),
              "unknown key " + in_quotes(key) + or_misplaced(suggestion(key, allowed), ptr.str(), key) + " (keys starting with x- are free for notes)",
              true);
    }
}

void FieldReader::only_keys(const Json& object, const PointerPath& ptr, std::initializer_list<std::string_view> allowed,
                            std::initializer_list<std::string_view> v2_keys) {
    for (const Json& member : object) {
        const auto is_key = [&](std::string_view k) { return same_key(k, member.key()); };
        if (std::any_of(allowed.begin(), allowed.end(), is_key)) continue;
        const std::string key(member.key());
        if (key.rfind("x-", 0) == 0) continue;
        const bool v2_key = std::find(v2_keys.begin(), v2_keys.end(), key) != v2_keys.end();
        if (v2_key && version >= 2) continue;
        if (v2_key) error(PointerPath(ptr, key), "unknown key " + in_quotes(key) + " in a version 1 file: it needs \"subsim\": 2", true);
        else error(PointerPath(ptr, key),
                   "unknown key " + in_quotes(key) + suggestion(key, allowed) + " (keys starting with x- are free for notes)", true);
    }
}

const Json* FieldReader::member(const Json& object, const PointerPath& ptr, std::string_view key, bool required) {
    if (const Json* v = object.find(key)) return v;
    if (required) error(ptr, "missing required key " + in_quotes(key));
    return nullptr;
}

const Json* FieldReader::array(const Json& object, const PointerPath& ptr, std::string_view key, bool required,
                               std::size_t max_items) {
    const Json* v = member(object, ptr, key, required);
    if (!v) return nullptr;
    if (!v->is_array()) {
        error(PointerPath(ptr, key), in_quotes(key) + " must be a list [ ... ], not " + describe_json_type(*v));
        return nullptr;
    }
    if (v->size() > max_items) {
        error(PointerPath(ptr, key),
              in_quotes(key) + " has " + std::to_string(v->size()) + " items; the limit is " + std::to_string(max_items));
        return nullptr;
    }
    return v;
}

std::optional<std::string> FieldReader::string(const Json& object, const PointerPath& ptr, std::string_view key,
                                               bool required) {
    const Json* v = member(object, ptr, key, required);
    if (!v) return std::nullopt;
    if (!v->is_string()) {
        error(PointerPath(ptr, key), in_quotes(key) + " must be text in quotes, not " + describe_json_type(*v));
        return std::nullopt;
    }
    return std::string(v->text());
}

// "today", "today+D", "today-D" (SPEC-v2 §8.1, §8.2, §9): version 2 only, resolved against the
// caller's reference date and remembered for the errors about this value.
std::optional<Date> FieldReader::relative_date_value(const std::string& text, const PointerPath& ptr) {
    const std::optional<RelativeDate> rel = parse_relative_date(text);
    if (version < 2) {
        error(ptr, "a date relative to today (" + in_quotes(text) + ") needs \"subsim\": 2; a version 1 file takes dates written YYYY-MM-DD");
        return std::nullopt;
    }
    if (!rel) {
        error(ptr, "expected a date YYYY-MM-DD or a date relative to today written \"today\", \"today+D\" or \"today-D\" "
                   "(D one unit, like P10D, P2W, P1M or P1Y, lower case, no spaces), not " + in_quotes(text));
        return std::nullopt;
    }
    if (!today) {
        error(ptr, "this date is relative to today; pass a reference date (--today YYYY-MM-DD)");
        return std::nullopt;
    }
    const std::optional<Date> d = resolve(*rel, *today);
    if (!d) {
        error(ptr, in_quotes(text) + " with today " + today->iso() + " falls outside the years 1900 to 9999");
        return std::nullopt;
    }
    relative[ptr.str()] = RelativeValue{text, *d};
    return d;
}

std::optional<Date> FieldReader::date_value(const Json& v, const PointerPath& ptr) {
    if (v.is_string()) {
        if (auto d = Date::parse(v.text())) return d;
        if (const std::string text(v.text()); looks_relative(text)) return relative_date_value(text, ptr);
    }
    error(ptr, (v.is_string() ? date_hint(v.text()) : std::nullopt).value_or("expected a date written YYYY-MM-DD between 1900-01-01 and 9999-12-31, not " + describe_json_type(v)));
    return std::nullopt;
}

std::optional<Date> FieldReader::date(const Json& object, const PointerPath& ptr, std::string_view key, bool required) {
    const Json* v = member(object, ptr, key, required);
    if (!v) return std::nullopt;
    if (v->is_string())
        if (auto d = Date::parse(v->text())) return d;  // (the pointer is built only for the other cases)
    return date_value(*v, PointerPath(ptr, key));
}

std::optional<Duration> FieldReader::duration_value(const Json& v, const PointerPath& ptr, bool allow_zero) {
    if (v.is_string()) {
        if (auto d = Duration::parse(v.text())) {
            if (allow_zero || !d->is_zero()) return d;
            error(ptr, "this length cannot be zero");
            return std::nullopt;
        }
    }
    error(ptr, "expected a duration with one unit, like P14D, P2W, P1M or P1Y, at most 100 years, not " +
                   describe_json_type(v));
    return std::nullopt;
}

std::optional<Duration> FieldReader::duration(const Json& object, const PointerPath& ptr, std::string_view key,
                                              bool required, bool allow_zero) {
    const Json* v = member(object, ptr, key, required);
    if (!v) return std::nullopt;
    if (v->is_string())
        if (auto d = Duration::parse(v->text()); d && (allow_zero || !d->is_zero())) return d;  // (likewise)
    return duration_value(*v, PointerPath(ptr, key), allow_zero);
}

std::optional<bool> FieldReader::boolean(const Json& object, const PointerPath& ptr, std::string_view key,
                                         bool required) {
    const Json* v = member(object, ptr, key, required);
    if (!v) return std::nullopt;
    if (!v->is_boolean()) {
        error(PointerPath(ptr, key), in_quotes(key) + " must be true or false, not " + describe_json_type(*v));
        return std::nullopt;
    }
    return v->boolean();
}

std::optional<std::int64_t> FieldReader::integer(const Json& object, const PointerPath& ptr, std::string_view key,
                                                 bool required, std::int64_t min, std::int64_t max) {
    const Json* v = member(object, ptr, key, required);
    if (!v) return std::nullopt;
    if (v->is_number_integer() && v->integer() >= min && v->integer() <= max &&
        !(v->is_number_unsigned() && v->unsigned_integer() > static_cast<std::uint64_t>(max)))
        return v->integer();  // (the pointer is built only for an error)
    const PointerPath at(ptr, key);
    if (v->is_number_unsigned() && v->unsigned_integer() > static_cast<std::uint64_t>(max)) {
        error(at, in_quotes(key) + " must be at most " + std::to_string(max));
        return std::nullopt;
    }
    std::optional<std::int64_t> n;
    if (v->is_number_integer()) n = v->integer();
    if (!n) {
        error(at, in_quotes(key) + " must be a whole number (amounts are in minor units, e.g. cents), not " +
                      describe_json_type(*v));
        return std::nullopt;
    }
    if (*n < min || *n > max) {
        error(at, in_quotes(key) + " must be between " + std::to_string(min) + " and " + std::to_string(max) + ", not " +
                      std::to_string(*n));
        return std::nullopt;
    }
    return n;
}

std::optional<std::string> FieldReader::choice(const Json& object, const PointerPath& ptr, std::string_view key,
                                               bool required, std::initializer_list<std::string_view> choices) {
    return choice(object, ptr, key, required, std::span<const std::string_view>(choices.begin(), choices.size()));
}

std::optional<std::string> FieldReader::choice(const Json& object, const PointerPath& ptr, std::string_view key,
                                               bool required, std::span<const std::string_view> choices) {
    const Json* v = member(object, ptr, key, required);
    if (!v) return std::nullopt;
    if (v->is_string() && std::find(choices.begin(), choices.end(), v->text()) != choices.end()) return std::string(v->text());
    std::string list;
    for (std::string_view c : choices) list += (list.empty() ? "" : ", ") + std::string(c);
    std::string hint;
    if (v->is_string()) hint = suggestion(v->text(), choices);
    error(PointerPath(ptr, key), in_quotes(key) + " must be one of " + list + ", not " + describe_json_type(*v) + hint);
    return std::nullopt;
}

}  // namespace subsim
