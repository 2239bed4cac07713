#include "io/result_lines.hpp"

#include <cstring>
#include <limits>
#include <string>

namespace subsim {
namespace {

constexpr std::size_t window = 32;  // earlier lines looked at after the last match
constexpr int lost = 8;             // lines in a row without a match before a look anywhere

std::string_view bytes_of(std::string_view text, const ItemLine& line) { return text.substr(line.at, line.end - line.at); }

// Equal bytes, eight at a time: the C library's memcmp compares one byte at a time in the
// WebAssembly build, eight times the loads for the ~600 KB a large result has.
bool same_bytes(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    std::size_t k = 0;
    for (; k + 8 <= a.size(); k += 8) {
        std::uint64_t x, y;
        std::memcpy(&x, a.data() + k, 8);
        std::memcpy(&y, b.data() + k, 8);
        if (x != y) return false;
    }
    for (; k < a.size(); ++k)
        if (a[k] != b[k]) return false;
    return true;
}

std::uint32_t hash_of(std::string_view bytes) {  // FNV-1a
    std::uint32_t h = 2166136261u;
    for (const char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h;
}

// The earlier lines by their bytes, built only once the order is lost: an open-addressed table of
// the first line of each text, and from each line the next one with the same text. (A small table
// of its own: std::unordered_map's code made the reader's module 2.5 KB gzip larger.)
class LinesByBytes {
public:
    LinesByBytes(std::string_view text, const std::vector<ItemLine>& lines) : text_(text), lines_(lines) {}

    // The first line with these bytes (-1: none), then next(k) for the others.
    std::int32_t first(std::string_view bytes) {
        if (slots_.empty()) build();
        return slots_[slot_of(bytes)];
    }
    std::int32_t next(std::int32_t k) const { return next_[static_cast<std::size_t>(k)]; }

private:
    void build() {
        std::size_t size = 16;
        while (size < 2 * lines_.size()) size *= 2;
        slots_.assign(size, -1);
        next_.assign(lines_.size(), -1);
        for (std::size_t k = lines_.size(); k-- > 0;) {  // last to first: each chain in order
            std::int32_t& slot = slots_[slot_of(bytes_of(text_, lines_[k]))];
            next_[k] = slot;
            slot = static_cast<std::int32_t>(k);
        }
    }
    // The slot of `bytes`: empty, or holding lines with these bytes.
    std::size_t slot_of(std::string_view bytes) const {
        std::size_t i = hash_of(bytes) & (slots_.size() - 1);
        while (slots_[i] >= 0 && !same_bytes(bytes_of(text_, lines_[static_cast<std::size_t>(slots_[i])]), bytes)) i = (i + 1) & (slots_.size() - 1);
        return i;
    }
    std::string_view text_;
    const std::vector<ItemLine>& lines_;
    std::vector<std::int32_t> next_, slots_;
};

// The matching's state: the earlier result, which of its lines are given, where the order is.
struct Matcher {
    Matcher(std::string_view text, const std::vector<ItemLine>& lines) : old_text(text), old_lines(lines), used(lines.size()) {}

    std::string_view old_text;
    const std::vector<ItemLine>& old_lines;
    std::vector<bool> used;
    std::size_t next = 0;
    int misses = 0;
    LinesByBytes by_bytes{old_text, old_lines};

    std::int32_t take(std::size_t k) {
        used[k] = true;
        next = k + 1;
        misses = 0;
        return static_cast<std::int32_t>(k);
    }
    std::int32_t in_window(std::string_view bytes) {
        for (std::size_t k = next; k < old_lines.size() && k < next + window; ++k)
            if (!used[k] && same_bytes(bytes_of(old_text, old_lines[k]), bytes)) return take(k);
        return -1;
    }
    std::int32_t anywhere(std::string_view bytes) {
        for (std::int32_t k = by_bytes.first(bytes); k >= 0; k = by_bytes.next(k))
            if (!used[static_cast<std::size_t>(k)]) return take(static_cast<std::size_t>(k));
        return -1;
    }
    std::int32_t match(std::string_view bytes) {
        const std::int32_t k = in_window(bytes);
        if (k >= 0) return k;
        return ++misses > lost ? anywhere(bytes) : -1;
    }
};

}  // namespace

std::vector<ItemLine> item_lines(std::string_view text) {
    std::vector<ItemLine> lines;
    if (text.size() >= std::numeric_limits<std::uint32_t>::max()) return lines;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t eol = text.find('\n', at);
        if (eol == std::string_view::npos) eol = text.size();
        std::size_t end = eol > at && text[eol - 1] == ',' ? eol - 1 : eol;
        if (end - at >= 6 && text.compare(at, 5, "    {") == 0 && text[end - 1] == '}')
            lines.push_back({static_cast<std::uint32_t>(at + 4), static_cast<std::uint32_t>(end), -1});
        at = eol + 1;
    }
    return lines;
}

void match_item_lines(std::string_view old_text, const std::vector<ItemLine>& old_lines, std::string_view text,
                      std::vector<ItemLine>& lines) {
    Matcher m(old_text, old_lines);
    for (ItemLine& line : lines) line.match = m.match(bytes_of(text, line));
}

}  // namespace subsim
