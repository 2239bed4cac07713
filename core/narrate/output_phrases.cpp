#include "narrate/output_phrases.hpp"

#include <array>
#include <string_view>
#include <utility>

#include "narrate/context.hpp"

namespace subsim {

namespace {

using narrate_detail::Context;

struct Words {
    std::string_view en;
    std::string_view fr;
    std::string_view in(Language lang) const { return lang == Language::fr ? fr : en; }
};

constexpr std::array<Words, 4> titles = {{
    {"Last day to cancel {subject}", "Dernier jour pour résilier {subject}"},
    {"Renewal of {subject}", "Renouvellement {of_subject}"},
    {"End of the trial of {subject}", "Fin de l’essai {of_subject}"},
    {"Access ends for {subject}", "Fin de l’accès {to_subject}"},
}};

constexpr Words deadline_with_notice = {
    "To stop {subject} from renewing on {renewal}, cancel by {deadline} at the latest ({notice} notice).",
    "Pour que {subject} ne soit pas renouvelé le {renewal}, résiliez au plus tard le {deadline} (préavis {notice})."};
constexpr Words deadline_without_notice = {
    "To stop {subject} from renewing on {renewal}, cancel by {deadline} at the latest.",
    "Pour que {subject} ne soit pas renouvelé le {renewal}, résiliez au plus tard le {deadline}."};

constexpr std::array<Words, 7> labels = {{
    {"Date", "Date"},
    {"What happens", "Ce qui se passe"},
    {"Open this scenario in the simulator", "Ouvrir ce scénario dans le simulateur"},
    {"Invoice", "Facture"},
    {"Cancellation requested", "Demande de résiliation"},
    {"Legend", "Légende"},
    {"Timeline: {title}", "Chronologie : {title}"},
}};

// Every "{name}" of `text` replaced by its value (names absent from `slots` stay as written).
std::string filled(std::string_view text, const Slots& slots) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        bool replaced = false;
        for (const auto& [name, value] : slots) {
            if (text.compare(i, name.size() + 2, std::string("{").append(name).append("}")) != 0) continue;
            out += value;
            i += name.size() + 2;
            replaced = true;
            break;
        }
        if (!replaced) out += text[i++];
    }
    return out;
}

}  // namespace

std::string narrate_output_title(const Scenario& scenario, const Result& result, OutputTitle title,
                                 std::optional<std::size_t> subscription, std::optional<std::size_t> product,
                                 Language lang) {
    const Context c(scenario, result, lang);
    return filled(titles[static_cast<std::size_t>(title)].in(lang), c.subject_slots(subscription, product));
}

std::string narrate_cancel_deadline(const Scenario& scenario, const Result& result, std::size_t subscription,
                                    std::optional<std::size_t> product, Date renewal, Date deadline,
                                    const Duration& notice, Language lang) {
    const Context c(scenario, result, lang);
    Slots slots = c.subject_slots(subscription, product);
    slots.emplace_back("renewal", c.date(renewal));
    slots.emplace_back("deadline", c.date(deadline));
    slots.emplace_back("notice", c.notice(notice.iso()));
    return filled((notice.is_zero() ? deadline_without_notice : deadline_with_notice).in(lang), slots);
}

std::string narrate_lane(const Scenario& scenario, const Result& result, std::size_t subscription,
                         std::optional<std::size_t> product, Language lang) {
    const Context c(scenario, result, lang);
    return product ? c.subject(subscription, product) : narrate_detail::capitalised(c.subject(subscription, std::nullopt));
}

std::string output_label(OutputLabel label, Language lang) {
    return std::string(labels[static_cast<std::size_t>(label)].in(lang));
}

}  // namespace subsim
