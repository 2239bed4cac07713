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
    reserve(r);
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

// An id needing no escape (all of them, in practice) is one piece written in place; another is
// escaped through a string first.
std::size_t ResultTexts::ids(const std::vector<std::string>& list, std::string_view after, bool with_null) {
    const std::size_t first = pool_.size();
    for (const std::string& id : list) {
        if (needs_no_escape(id)) {
            pool_.add_quoted(id, after);
            longest_ = std::max(longest_, id.size() + 2);
            continue;
        }
        std::string text;
        append_json_string(text, id);
        longest_ = std::max(longest_, text.size());
        pool_.add(text, after);
    }
    if (with_null) pool_.add("null", after);
    return first;
}

// The pool's room for the tables below, counted before they are made: growing it piece by piece
// was a dozen allocations an answer, which cost more in WebAssembly's allocator than natively.
// Ids are counted as written; one with characters to escape only makes the pool grow once.
void ResultTexts::reserve(const Result& r) {
    constexpr std::size_t quotes_and_after = 2 + 16;  // the quotes and the longest `after` below
    const auto bytes = [](const std::vector<std::string>& ids, std::size_t tables) {
        std::size_t n = 4 + quotes_and_after;  // null
        for (const std::string& id : ids) n += id.size() + quotes_and_after;
        return n * tables;
    };
    const std::size_t count = 2 * (subs_ + 1) + 3 * (products_ + 1) + 2 * (bundles_ + 1) + plans_ + 1;
    pool_.reserve(count, bytes(r.subscription_ids, 2) + bytes(r.product_ids, 3) + bytes(r.bundle_ids, 2) + bytes(r.plan_ids, 1));
}

std::string_view DetailKeys::find_or_add(std::string_view key) {
    for (std::size_t i = home(key.data());; i = (i + 1) % slot_count) {
        Slot& slot = slots_[i];
        if (slot.key == key.data() && slot.size == key.size()) return {slot.text, key.size() + 6};
        if (slot.key) continue;
        if (count_ == most) return {};
        ++count_;
        fill(slot, key);
        return {slot.text, key.size() + 6};
    }
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
