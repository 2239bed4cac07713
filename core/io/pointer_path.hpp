#pragma once
// The JSON Pointer (RFC 6901) of the value a reader is at, not yet written out. The scenario
// readers pass one down by reference, each level adding its key or index as a small object on
// its own stack that points to its parent's; the text ("/subscriptions/0/plans/1") is built only
// when a diagnostic needs it. Most files have no error, and building every object's and field's
// pointer eagerly was a third of the reader's time natively and more in WebAssembly, where
// libc++ keeps at most 10 characters without a heap allocation.
//
// A path refers to its parent: the parent must outlive it. Paths are built from lvalues only
// (the rvalue overloads are deleted), so a child of a temporary does not compile; use the
// (parent, key, index) form for two levels at once.
#include <cstddef>
#include <string>
#include <string_view>

namespace subsim {

class PointerPath {
public:
    // An absolute pointer already written out: "" (the whole document), "/account".
    PointerPath(const char* text) : text_(text) {}  // NOLINT: literals stand for paths at call sites
    explicit PointerPath(std::string_view text) : text_(text) {}
    // text + "/" + key + "/" + index: "/catalog", "plans", 0 is "/catalog/plans/0".
    PointerPath(const char* text, std::string_view key, std::size_t index)
        : text_(text), key_(key), index_(index), has_key_(true) {}

    // parent + "/" + key (escaped), parent + "/" + index, parent + "/" + key + "/" + index.
    PointerPath(const PointerPath& parent, std::string_view key) : parent_(&parent), key_(key), has_key_(true) {}
    PointerPath(const PointerPath& parent, std::size_t index) : parent_(&parent), index_(index) {}
    PointerPath(const PointerPath& parent, std::string_view key, std::size_t index)
        : parent_(&parent), key_(key), index_(index), has_key_(true) {}
    PointerPath(PointerPath&&, std::string_view) = delete;
    PointerPath(PointerPath&&, std::size_t) = delete;
    PointerPath(PointerPath&&, std::string_view, std::size_t) = delete;

    PointerPath operator/(std::string_view key) const& { return PointerPath(*this, key); }
    PointerPath operator/(std::size_t index) const& { return PointerPath(*this, index); }
    PointerPath operator/(std::string_view key) && = delete;
    PointerPath operator/(std::size_t index) && = delete;

    // The pointer's text, as json_document.hpp's pointer_child builds it level by level.
    std::string str() const {
        std::string out;
        append_to(out);
        return out;
    }
    void append_to(std::string& out) const;

private:
    static constexpr std::size_t none = ~std::size_t{0};
    const PointerPath* parent_ = nullptr;
    std::string_view text_;  // written out (no escaping), after the parent's
    std::string_view key_;   // then "/" + the key escaped, when has_key_ (a key may be empty: "/")
    std::size_t index_ = none;  // then "/" + the index, unless none
    bool has_key_ = false;
};

}  // namespace subsim
