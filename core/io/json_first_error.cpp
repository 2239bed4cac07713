#include "io/json_first_error.hpp"

#include <array>
#include <initializer_list>
#include <vector>

#include "io/json_number.hpp"

namespace subsim {
namespace {

enum class Token {
    uninitialized, literal_true, literal_false, literal_null, value_string, value_unsigned, value_integer, value_float,
    begin_array, begin_object, end_array, end_object, name_separator, value_separator, parse_error, end_of_input,
    literal_or_value
};

const char* token_name(Token t) {
    switch (t) {
        case Token::uninitialized: return "<uninitialized>";
        case Token::literal_true: return "true literal";
        case Token::literal_false: return "false literal";
        case Token::literal_null: return "null literal";
        case Token::value_string: return "string literal";
        case Token::value_unsigned:
        case Token::value_integer:
        case Token::value_float: return "number literal";
        case Token::begin_array: return "'['";
        case Token::begin_object: return "'{'";
        case Token::end_array: return "']'";
        case Token::end_object: return "'}'";
        case Token::name_separator: return "':'";
        case Token::value_separator: return "','";
        case Token::parse_error: return "<parse error>";
        case Token::end_of_input: return "end of input";
        case Token::literal_or_value: return "'[', '{', or a literal";
    }
    return "unknown token";
}

constexpr std::array<const char*, 32> control_names = {
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT",  "LF", "VT",  "FF", "CR", "SO", "SI",
    "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"};

// "U+001F": four upper-case hex digits.
std::string code_point(unsigned c) {
    constexpr const char* hex = "0123456789ABCDEF";
    return std::string("U+00") + hex[(c >> 4) & 0xF] + hex[c & 0xF];
}

constexpr int eof = -1;

// nlohmann's lexer: reads byte by byte, counts every read (an unget uncounts it), and keeps the
// bytes read since the last string or number started ("last read" in its messages).
class Lexer {
public:
    explicit Lexer(std::string_view text) : s_(text) {}

    Token scan();
    std::string token_string() const;

    std::string error;
    std::size_t chars_read = 0;
    std::string overflow;  // the error of the number just read when too large for a double

private:
    std::string_view s_;
    std::size_t i_ = 0;
    int current_ = eof;
    bool next_unget_ = false;
    std::string token_;

    int get();
    void unget();
    void reset() { token_.assign(1, static_cast<char>(current_)); }
    Token fail(std::string message) {
        error = std::move(message);
        return Token::parse_error;
    }
    bool skip_bom();
    Token scan_literal(std::string_view word, Token t);
    Token scan_string();
    Token scan_escape();
    Token scan_unicode_escape();
    Token scan_number();
    bool next_byte_in_range(std::initializer_list<int> ranges);
    int get_codepoint();
};

int Lexer::get() {
    ++chars_read;
    if (next_unget_) next_unget_ = false;
    else current_ = i_ < s_.size() ? static_cast<unsigned char>(s_[i_++]) : eof;
    if (current_ != eof) token_ += static_cast<char>(current_);
    return current_;
}

void Lexer::unget() {
    next_unget_ = true;
    --chars_read;
    if (current_ != eof) token_.pop_back();
}

std::string Lexer::token_string() const {
    std::string out;
    for (char c : token_) {
        const auto b = static_cast<unsigned char>(c);
        if (b <= 0x1F) out.append("<").append(code_point(b)).append(">");
        else out += c;
    }
    return out;
}

bool Lexer::skip_bom() {
    if (get() == 0xEF) return get() == 0xBB && get() == 0xBF;
    unget();
    return true;
}

Token Lexer::scan() {
    if (chars_read == 0 && !skip_bom()) return fail("invalid BOM; must be 0xEF 0xBB 0xBF if given");
    do get();
    while (current_ == ' ' || current_ == '\t' || current_ == '\n' || current_ == '\r');
    switch (current_) {
        case '[': return Token::begin_array;
        case ']': return Token::end_array;
        case '{': return Token::begin_object;
        case '}': return Token::end_object;
        case ':': return Token::name_separator;
        case ',': return Token::value_separator;
        case 't': return scan_literal("true", Token::literal_true);
        case 'f': return scan_literal("false", Token::literal_false);
        case 'n': return scan_literal("null", Token::literal_null);
        case '"': return scan_string();
        case '\0':
        case eof: return Token::end_of_input;
        default:
            if (current_ == '-' || (current_ >= '0' && current_ <= '9')) return scan_number();
            return fail("invalid literal");
    }
}

Token Lexer::scan_literal(std::string_view word, Token t) {
    for (std::size_t i = 1; i < word.size(); ++i)
        if (static_cast<char>(get()) != word[i]) return fail("invalid literal");
    return t;
}

Token Lexer::scan_string() {
    reset();
    while (true) {
        const int c = get();
        if (c == eof) return fail("invalid string: missing closing quote");
        if (c == '"') return Token::value_string;
        if (c == '\\') {
            if (const Token t = scan_escape(); t == Token::parse_error) return t;
            continue;
        }
        if (c <= 0x1F) {
            const auto u = static_cast<unsigned>(c);
            const std::string escape = c == '\b' ? "\\b" : c == '\t' ? "\\t" : c == '\n' ? "\\n" : c == '\f' ? "\\f" : c == '\r' ? "\\r" : "";
            const std::string u_escape = "\\u" + code_point(u).substr(2);
            return fail("invalid string: control character " + code_point(u) + " (" + control_names[u] + ") must be escaped to " +
                        u_escape + (escape.empty() ? "" : " or " + escape));
        }
        if (c <= 0x7F) continue;
        bool ok = false;
        if (c >= 0xC2 && c <= 0xDF) ok = next_byte_in_range({0x80, 0xBF});
        else if (c == 0xE0) ok = next_byte_in_range({0xA0, 0xBF, 0x80, 0xBF});
        else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) ok = next_byte_in_range({0x80, 0xBF, 0x80, 0xBF});
        else if (c == 0xED) ok = next_byte_in_range({0x80, 0x9F, 0x80, 0xBF});
        else if (c == 0xF0) ok = next_byte_in_range({0x90, 0xBF, 0x80, 0xBF, 0x80, 0xBF});
        else if (c >= 0xF1 && c <= 0xF3) ok = next_byte_in_range({0x80, 0xBF, 0x80, 0xBF, 0x80, 0xBF});
        else if (c == 0xF4) ok = next_byte_in_range({0x80, 0x8F, 0x80, 0xBF, 0x80, 0xBF});
        if (!ok) return fail("invalid string: ill-formed UTF-8 byte");
    }
}

// After a backslash in a string.
Token Lexer::scan_escape() {
    switch (get()) {
        case '"':
        case '\\':
        case '/':
        case 'b':
        case 'f':
        case 'n':
        case 'r':
        case 't': return Token::value_string;
        case 'u': return scan_unicode_escape();
        default: return fail("invalid string: forbidden character after backslash");
    }
}

Token Lexer::scan_unicode_escape() {
    const char* hex4 = "invalid string: '\\u' must be followed by 4 hex digits";
    const char* unpaired = "invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF";
    const int first = get_codepoint();
    if (first == -1) return fail(hex4);
    if (first >= 0xD800 && first <= 0xDBFF) {
        if (get() != '\\' || get() != 'u') return fail(unpaired);
        const int second = get_codepoint();
        if (second == -1) return fail(hex4);
        if (second < 0xDC00 || second > 0xDFFF) return fail(unpaired);
    } else if (first >= 0xDC00 && first <= 0xDFFF) {
        return fail("invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF");
    }
    return Token::value_string;
}

int Lexer::get_codepoint() {
    int code = 0;
    for (int k = 0; k < 4; ++k) {
        const int c = get();
        if (c >= '0' && c <= '9') code = code * 16 + (c - '0');
        else if (c >= 'A' && c <= 'F') code = code * 16 + (c - 'A' + 10);
        else if (c >= 'a' && c <= 'f') code = code * 16 + (c - 'a' + 10);
        else return -1;
    }
    return code;
}

bool Lexer::next_byte_in_range(std::initializer_list<int> ranges) {
    for (auto range = ranges.begin(); range != ranges.end(); range += 2) {
        const int c = get();
        if (c < range[0] || c > range[1]) return false;
    }
    return true;
}

Token Lexer::scan_number() {
    reset();
    overflow.clear();
    const auto digit = [](int c) { return c >= '0' && c <= '9'; };
    bool whole = true;
    int c = current_;
    if (c == '-' && !digit(c = get())) return fail("invalid number; expected digit after '-'");
    if (c != '0')
        while (digit(c = get())) {}
    else c = get();
    if (c == '.') {
        whole = false;
        if (!digit(get())) return fail("invalid number; expected digit after '.'");
        while (digit(c = get())) {}
    }
    if (c == 'e' || c == 'E') {
        whole = false;
        c = get();
        if (c == '+' || c == '-') {
            if (!digit(get())) return fail("invalid number; expected digit after exponent sign");
        } else if (!digit(c)) {
            return fail("invalid number; expected '+', '-', or digit after exponent");
        }
        while (digit(get())) {}
    }
    unget();
    if (whole && whole_number(token_)) return token_[0] == '-' ? Token::value_integer : Token::value_unsigned;
    if (number_overflows(token_)) overflow = "[json.exception.out_of_range.406] number overflow parsing '" + token_string() + "'";
    return Token::value_float;
}

std::string exception_message(Token last, const Lexer& lexer, Token expected, const char* context) {
    std::string m = std::string("syntax error while parsing ") + context + " - ";
    if (last == Token::parse_error) m += lexer.error + "; last read: '" + lexer.token_string() + "'";
    else m += std::string("unexpected ") + token_name(last);
    if (expected != Token::uninitialized) m += std::string("; expected ") + token_name(expected);
    return m;
}

}  // namespace

// nlohmann's parser (sax_parse_internal, strict): one loop, a stack of "in an array" flags.
FirstJsonError first_json_error(std::string_view text) {
    Lexer lexer{text};
    Token last = lexer.scan();
    std::vector<bool> in_array;
    bool closed = false;  // a container just ended: go straight to what follows it
    const auto fail = [&](Token expected, const char* context) {
        return FirstJsonError{FirstJsonError::Kind::syntax, exception_message(last, lexer, expected, context), lexer.chars_read};
    };
    const auto member = [&]() -> bool {  // a key and its colon, then the value's first token
        if (last != Token::value_string) return false;
        last = lexer.scan();
        return true;
    };
    while (true) {
        if (!closed) {
            switch (last) {
                case Token::begin_object:
                    if ((last = lexer.scan()) == Token::end_object) break;
                    if (!member()) return fail(Token::value_string, "object key");
                    if (last != Token::name_separator) return fail(Token::name_separator, "object separator");
                    in_array.push_back(false);
                    last = lexer.scan();
                    continue;
                case Token::begin_array:
                    if ((last = lexer.scan()) == Token::end_array) break;
                    in_array.push_back(true);
                    continue;
                case Token::value_float:
                    if (!lexer.overflow.empty()) return {FirstJsonError::Kind::overflow, lexer.overflow, lexer.chars_read};
                    break;
                case Token::literal_false:
                case Token::literal_null:
                case Token::literal_true:
                case Token::value_integer:
                case Token::value_string:
                case Token::value_unsigned: break;
                case Token::parse_error: return fail(Token::uninitialized, "value");
                default: return fail(Token::literal_or_value, "value");
            }
        }
        closed = false;
        if (in_array.empty()) break;
        const bool array = in_array.back();
        if ((last = lexer.scan()) == Token::value_separator) {
            last = lexer.scan();
            if (array) continue;
            if (!member()) return fail(Token::value_string, "object key");
            if (last != Token::name_separator) return fail(Token::name_separator, "object separator");
            last = lexer.scan();
            continue;
        }
        if (last != (array ? Token::end_array : Token::end_object)) return fail(array ? Token::end_array : Token::end_object, array ? "array" : "object");
        in_array.pop_back();
        closed = true;
    }
    if ((last = lexer.scan()) != Token::end_of_input) return fail(Token::end_of_input, "value");
    return {};
}

}  // namespace subsim
