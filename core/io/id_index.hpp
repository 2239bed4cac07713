#pragma once
// Internal to io/: the ids of one kind (products, plans, ...) a scenario file defines, by their
// text, for the references that name them. The texts are views into the parsed document, which
// outlives the reading. A file names a few of each kind: those stay in place, searched in order,
// and only past `in_place` do they go to a hash map. (A hash map from the first id was two heap
// allocations an id and one per kind, plus a copy of every id longer than the short-string
// buffer, and a temporary string for every lookup: in WebAssembly each allocation costs more
// than natively, and that short buffer holds 10 characters.)
#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "io/json_value.hpp"
#include "model/scenario.hpp"

namespace subsim {

class IdIndex {
public:
    // Adds `id` at `at` unless it is there already (then false, the first place kept).
    bool insert(std::string_view id, Index at) {
        if (find(id)) return false;
        if (count_ < in_place) {
            few_[count_++] = {id, at};
            return true;
        }
        if (many_.empty())
            for (const auto& [text, index] : few_) many_.emplace(text, index);
        return many_.emplace(id, at).second;
    }

    std::optional<Index> find(std::string_view id) const {
        if (count_ < in_place || many_.empty()) {
            for (std::size_t i = 0; i < count_; ++i)
                if (same_key(few_[i].first, id)) return few_[i].second;
            return std::nullopt;
        }
        const auto it = many_.find(id);
        return it == many_.end() ? std::nullopt : std::optional<Index>(it->second);
    }

private:
    static constexpr std::size_t in_place = 8;
    std::array<std::pair<std::string_view, Index>, in_place> few_{};
    std::size_t count_ = 0;
    std::unordered_map<std::string_view, Index> many_;  // every id, once there are more than in_place
};

}  // namespace subsim
