#pragma once
// docs/rules.md, generated: per rule of the catalogue (model/rules.hpp) its id, SPEC section,
// source article and its sentence templates in English and French (narrate/phrasebook.hpp).
// Printed by `subsim rules`; a test fails when the committed file differs.
#include <string>

namespace subsim {

std::string rules_markdown();

}  // namespace subsim
