#include "narrate/field_guide.hpp"

#include "io/json_writer.hpp"

namespace subsim {

std::span<const FieldHelp> field_guide(Language language) {
    return language == Language::fr ? field_guide_fr() : field_guide_en();
}

const FieldHelp* field_help(Language language, std::string_view path) {
    for (const FieldHelp& entry : field_guide(language))
        if (entry.path == path) return &entry;
    return nullptr;
}

std::string field_guide_json(std::string_view locale) {
    const Language language = language_of(locale);
    std::string out = language == Language::fr ? R"({"locale":"fr","fields":{)" : R"({"locale":"en","fields":{)";
    bool first = true;
    for (const FieldHelp& entry : field_guide(language)) {
        if (!first) out += ',';
        first = false;
        append_json_string(out, entry.path);
        out += R"(:{"label":)";
        append_json_string(out, entry.label);
        out += R"(,"help":)";
        append_json_string(out, entry.help);
        out += '}';
    }
    out += "}}";
    return out;
}

}  // namespace subsim
