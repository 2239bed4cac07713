#include "io/result_texts.hpp"

#include <algorithm>
#include <cstring>

#include "io/json_writer.hpp"

namespace subsim {

NameTexts::NameTexts() {
    types = names<EventType>(event_type_count, ", \"type\": \"", "\", \"subscription\": ");
    rules = names<Rule>(rule_catalogue().size(), "}, \"rule\": \"", "\"}");
    states = names<State>(state_count, "", "\", \"from\": ");
    statuses = names<InvoiceStatus>(invoice_status_count, ", \"status\": \"", "\", \"paid_on\": ");
    kinds = names<LineKind>(line_kind_count, "", "\", \"from\": ");
    pool.seal();
}

const NameTexts& NameTexts::get() {
    static const NameTexts texts;  // built once (thread-safe), read only after
    return texts;
}

ResultTexts::ResultTexts(const Result& r)
    : subs_(r.subscription_ids.size()), products_(r.product_ids.size()), bundles_(r.bundle_ids.size()),
      plans_(r.plan_ids.size()) {
    sub_product_ = ids(r.subscription_ids, ", \"product\": ");
    product_details_ = ids(r.product_ids, ", \"details\": {");
    product_state_ = ids(r.product_ids, ", \"state\": \"", false);
    sub_amount_ = ids(r.subscription_ids, ", \"amount\": ");
    product_bundle_ = ids(r.product_ids, ", \"bundle\": ");
    bundle_from_ = ids(r.bundle_ids, ", \"from\": ");
    bundle_plan_ = ids(r.bundle_ids, ", \"plan\": ");
    plan_kind_ = ids(r.plan_ids, ", \"kind\": \"");
    pool_.seal();
}

std::size_t ResultTexts::ids(const std::vector<std::string>& list, std::string_view after, bool with_null) {
    const std::size_t first = pool_.size();
    std::string text;
    for (const std::string& id : list) {
        text.clear();
        append_json_string(text, id);
        longest_ = std::max(longest_, text.size());
        text += after;
        pool_.add(text);
    }
    if (with_null) pool_.add(std::string("null") + std::string(after));
    return first;
}

void DetailKeys::fill(Slot& slot, std::string_view key) {
    slot.key = key.data();
    slot.size = key.size();
    char* p = slot.text;
    std::memcpy(p, ", \"", 3);
    std::memcpy(p + 3, key.data(), key.size());
    std::memcpy(p + 3 + key.size(), "\": ", 3);
    std::memset(p + 6 + key.size(), ' ', sizeof slot.text - 6 - key.size());
}

}  // namespace subsim
