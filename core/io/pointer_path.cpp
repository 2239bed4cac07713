#include "io/pointer_path.hpp"

#include "io/json_document.hpp"

namespace subsim {

void PointerPath::append_to(std::string& out) const {
    if (parent_) parent_->append_to(out);
    out += text_;
    if (has_key_) append_pointer_key(out, key_);
    if (index_ != none) append_pointer_index(out, index_);
}

}  // namespace subsim
