#pragma once
// The field guide: every key a scenario file may hold (schema/scenario.schema.json), by its schema
// path ("/catalog/plans/*/notice"; "*" stands for any item of a list), with a short label and a
// sentence saying what it means, in each locale. The page's builder and editor show them (the
// module's field_guide(locale)); the reader's error hints use the paths to say where a misplaced
// key belongs. A CTest checks that every property of the schema has an entry in every locale.
#include <span>
#include <string>
#include <string_view>

#include "narrate/format.hpp"

namespace subsim {

struct FieldHelp {
    std::string_view path;   // schema path, e.g. "/account/users/*/role"
    std::string_view label;  // a few words, for a form field
    std::string_view help;   // one or two sentences for the reader
};

// The entries of one language, in the order of the schema.
std::span<const FieldHelp> field_guide(Language language);

// The entry for `path` in `language`, or nullptr when the path is not a key of the format.
const FieldHelp* field_help(Language language, std::string_view path);

// {"locale":"fr","fields":{"/subsim":{"label":"…","help":"…"},…}} for the page.
std::string field_guide_json(std::string_view locale);

// Per-locale tables (field_guide_en.cpp, field_guide_fr.cpp).
std::span<const FieldHelp> field_guide_en();
std::span<const FieldHelp> field_guide_fr();

}  // namespace subsim
