#include "io/scenario_reader.hpp"

#include <algorithm>

#include "io/scenario_parts.hpp"
#include "io/utf8.hpp"

namespace subsim {
namespace {

void sanitize(Diagnostics& errors) {
    for (Diagnostic& d : errors) {
        d.pointer = valid_utf8(d.pointer);
        d.message = valid_utf8(d.message);
    }
}

// An error about a value written relative to today gives the resolved date (SPEC-v2 §8.1).
void name_resolved_dates(Diagnostics& errors, const FieldReader& r) {
    for (Diagnostic& d : errors) {
        const auto it = r.relative.find(d.pointer);
        if (it == r.relative.end()) continue;
        d.message += " (" + in_quotes(it->second.text) + " is " + it->second.resolved.iso() + " with today " + r.today->iso() + ")";
    }
}

}  // namespace

ScenarioReading read_scenario(std::string_view text, std::optional<Date> today) {
    ScenarioReading out;
    const JsonDocument doc = JsonDocument::parse(text);
    if (!doc.parsed()) {
        out.errors = doc.errors();
        sanitize(out.errors);
        return out;
    }
    const Json& root = doc.root();
    ScenarioParts parts{out.errors};
    parts.r.today = today;
    if (parts.r.as_object(root, "", "a scenario file")) {
        parts.read_top(root);
        parts.read_catalog(root);
        parts.read_account(root);
        parts.read_permissions(root);
        parts.read_subscriptions(root);
        parts.read_actions(root);
        parts.read_expectations(root);
    }
    name_resolved_dates(out.errors, parts.r);
    // The reference date is part of the result only when the file used it (SPEC-v2 §8.2).
    if (!parts.r.relative.empty()) parts.sc.today = today;
    for (const auto& [pointer, value] : parts.r.relative) out.resolved.emplace(pointer, value.resolved);
    doc.locate(out.errors);
    out.errors.insert(out.errors.end(), doc.errors().begin(), doc.errors().end());  // duplicate keys
    std::stable_sort(out.errors.begin(), out.errors.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    out.version = parts.r.version;
    if (out.errors.empty()) out.scenario = std::move(parts.sc);
    sanitize(out.errors);
    return out;
}

}  // namespace subsim
