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

}  // namespace

ScenarioReading read_scenario(std::string_view text) {
    ScenarioReading out;
    const JsonDocument doc = JsonDocument::parse(text);
    if (!doc.parsed()) {
        out.errors = doc.errors();
        sanitize(out.errors);
        return out;
    }
    const Json& root = doc.json();
    ScenarioParts parts{out.errors};
    if (parts.r.as_object(root, "", "a scenario file")) {
        parts.read_top(root);
        parts.read_catalog(root);
        parts.read_account(root);
        parts.read_permissions(root);
        parts.read_subscriptions(root);
        parts.read_actions(root);
        parts.read_expectations(root);
    }
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
