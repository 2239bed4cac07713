#include "model/rules.hpp"

#include <array>

namespace subsim {
namespace {

constexpr std::array rules{
#define SUBSIM_RULE_INFO(name, id, spec, source) RuleInfo{Rule::name, id, spec, source},
    SUBSIM_RULES(SUBSIM_RULE_INFO)
#undef SUBSIM_RULE_INFO
};

constexpr std::array reasons{
#define SUBSIM_REASON_VALUE(name) Reason::name,
    SUBSIM_REASONS(SUBSIM_REASON_VALUE)
#undef SUBSIM_REASON_VALUE
};

constexpr std::array<std::string_view, reasons.size()> reason_ids{
#define SUBSIM_REASON_ID(name) #name,
    SUBSIM_REASONS(SUBSIM_REASON_ID)
#undef SUBSIM_REASON_ID
};

}  // namespace

std::span<const RuleInfo> rule_catalogue() { return rules; }
std::span<const Reason> all_reasons() { return reasons; }
std::string_view to_string(Rule r) { return rules[static_cast<std::size_t>(r)].id; }
std::string_view to_string(Reason r) { return reason_ids[static_cast<std::size_t>(r)]; }

std::optional<Rule> rule_from_string(std::string_view id) {
    for (const RuleInfo& info : rules)
        if (info.id == id) return info.rule;
    return std::nullopt;
}

std::optional<Reason> reason_from_string(std::string_view id) {
    for (std::size_t i = 0; i < reason_ids.size(); ++i)
        if (reason_ids[i] == id) return reasons[i];
    return std::nullopt;
}

}  // namespace subsim
