#pragma once
// Internal to io/: the pieces of a result's JSON text that repeat, made once per answer so that a
// record is a handful of whole copies instead of a key, a quote and a comma at a time.
//
//   ResultTexts   every id of the result (escaped and quoted once) and every name of the typed
//                 enums, each with the literal keys and punctuation that follow it in a record:
//                 an event is  "date": DATE | type_then_subscription | subscription_then_product
//                 | product_then_details | details | rule_then_end.
//   DetailKeys    an event's detail keys with their quotes and colon (`, "amount": `), made on
//                 first use; keys are the engine's literals, so one is known by where it lives.
//
// Every piece lives in one sealed Pool, so Write::put_padded may copy past its end.
//   texts.type_then_subscription(EventType::renewed) == ", \"type\": \"renewed\", \"subscription\": "
//   texts.subscription_then_product(std::nullopt) == "null, \"product\": "
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/json_sinks.hpp"
#include "model/result.hpp"

namespace subsim {

// The pieces made of an enum's names (event types, rules, states, invoice statuses, line kinds):
// the same in every answer, so built once, by the first answer, and never changed after
// (immutable, like a table of constants; building them per answer cost ~10 us an answer in wasm).
struct NameTexts {
    Pool pool;  // sealed: readable Write::slack bytes past each piece
    std::size_t types = 0, rules = 0, states = 0, statuses = 0, kinds = 0;

    static const NameTexts& get();

private:
    NameTexts();
    // before + NAME + after for every name of an enum with `count` values.
    template <typename Enum>
    std::size_t names(std::size_t count, std::string_view before, std::string_view after) {
        const std::size_t first = pool.size();
        std::string text;
        for (std::size_t i = 0; i < count; ++i) {
            text.assign(before);
            text += to_string(static_cast<Enum>(i));
            text += after;
            pool.add(text);
        }
        return first;
    }
};

class ResultTexts {
public:
    explicit ResultTexts(const Result& r);

    // Events (and the first of them for spans): `, "type": "NAME", "subscription": `, then
    // `"ID", "product": `, `"ID", "details": {`, and `}, "rule": "NAME"}`.
    std::string_view type_then_subscription(EventType t) const { return names_.pool[names_.types + index(t)]; }
    std::string_view subscription_then_product(std::optional<std::size_t> s) const { return id(sub_product_, subs_, s); }
    std::string_view product_then_details(std::optional<std::size_t> p) const { return id(product_details_, products_, p); }
    std::string_view rule_then_end(Rule r) const { return names_.pool[names_.rules + index(r)]; }
    // Spans: `"ID", "state": "` and `NAME", "from": `.
    std::string_view product_then_state(std::size_t p) const { return pool_[product_state_ + p]; }
    std::string_view state_then_from(State s) const { return names_.pool[names_.states + index(s)]; }
    // Invoices: `"ID", "amount": `, and format 2's `, "status": "NAME", "paid_on": `.
    std::string_view subscription_then_amount(std::optional<std::size_t> s) const { return id(sub_amount_, subs_, s); }
    std::string_view status_then_paid_on(InvoiceStatus s) const { return names_.pool[names_.statuses + index(s)]; }
    // Invoice lines: `"ID", "bundle": `, then `"ID", "from": ` (format 1) or `"ID", "plan": `,
    // `"ID", "kind": "` and `NAME", "from": ` (format 2).
    std::string_view product_then_bundle(std::optional<std::size_t> p) const { return id(product_bundle_, products_, p); }
    std::string_view bundle_then_from(std::optional<std::size_t> b) const { return id(bundle_from_, bundles_, b); }
    std::string_view bundle_then_plan(std::optional<std::size_t> b) const { return id(bundle_plan_, bundles_, b); }
    std::string_view plan_then_kind(std::optional<std::size_t> p) const { return id(plan_kind_, plans_, p); }
    std::string_view kind_then_from(LineKind k) const { return names_.pool[names_.kinds + index(k)]; }

    std::size_t longest_id() const { return longest_; }  // the longest quoted id, "null" at least

private:
    Pool pool_;  // (declared first: the members below are its places)
    std::size_t longest_ = 4;
    std::size_t subs_, products_, bundles_, plans_;  // how many ids of each
    const NameTexts& names_ = NameTexts::get();  // the enum names' pieces, the same for every answer
    std::size_t sub_product_, product_details_, product_state_, sub_amount_, product_bundle_, bundle_from_,
        bundle_plan_, plan_kind_;

    template <typename Enum>
    static std::size_t index(Enum e) { return static_cast<std::size_t>(e); }
    // The piece of id `i` in a table of `count` ids followed by its null.
    std::string_view id(std::size_t first, std::size_t count, std::optional<std::size_t> i) const {
        return pool_[first + (i ? *i : count)];
    }
    // before + "ID" + after for every id, then before + null + after.
    std::size_t ids(const std::vector<std::string>& ids, std::string_view after, bool with_null = true);
    void reserve(const Result& r);
};

// `, "KEY": ` for an event's detail key (the first of an event drops its leading ", ").
// Kept by where the literal lives, in an open-addressed table: every key is made once per answer.
// (A slot per address, one key evicting another, made two keys whose addresses collided, such as
// a reminder's `before` and a renewal's `term_to` in the WebAssembly build, again on every event:
// a copy and a fill each time, calls out of the module there.)
class DetailKeys {
public:
    // Longer keys are not kept: the writer puts them in three pieces.
    static constexpr std::size_t longest = 48;
    // The piece for `key` (at most `longest` bytes), readable Write::slack bytes past its end;
    // empty once the table holds `most` keys (the writer then puts the key in three pieces).
    [[gnu::always_inline]] std::string_view of(std::string_view key) {
        const Slot& slot = slots_[home(key.data())];
        if (slot.key == key.data() && slot.size == key.size()) return {slot.text, key.size() + 6};
        return find_or_add(key);
    }

private:
    static constexpr std::size_t slot_count = 64;
    static constexpr std::size_t most = 48;  // keys kept, so that a search always meets an empty slot
    struct Slot {
        const char* key = nullptr;  // where the literal lives (alive for the whole answer)
        std::size_t size = 0;
        char text[longest + 6 + Write::slack];
    };
    Slot slots_[slot_count];
    std::size_t count_ = 0;

    static std::size_t home(const char* key) { return (reinterpret_cast<std::uintptr_t>(key) >> 1) % slot_count; }
    std::string_view find_or_add(std::string_view key);
    static void fill(Slot& slot, std::string_view key);
};

}  // namespace subsim
