#include "io/pointer_path.hpp"

#include <charconv>

namespace subsim {
namespace {

// "/" + key, with "~" and "/" escaped as RFC 6901 says (json_document.cpp's pointer_child).
void append_key(std::string& out, std::string_view key) {
    out += '/';
    if (key.find_first_of("~/") == std::string_view::npos) {
        out += key;
        return;
    }
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
}

void append_index(std::string& out, std::size_t index) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, index).ptr;
    out += '/';
    out.append(digits, end);
}

}  // namespace

void PointerPath::append_to(std::string& out) const {
    if (parent_) parent_->append_to(out);
    out += text_;
    if (has_key_) append_key(out, key_);
    if (index_ != none) append_index(out, index_);
}

}  // namespace subsim
