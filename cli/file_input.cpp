#include "file_input.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "io/limits.hpp"

namespace subsim::cli {

namespace fs = std::filesystem;

namespace {

// "permission denied", "too many levels of symbolic links", …
std::string reason(const std::error_code& ec) { return ec ? ec.message() : std::strerror(errno); }

// What was read: at most one byte past the size limit is kept; `bytes` is the input's real size
// (the file's size when known, else counted while reading on without keeping).
struct Bounded {
    std::string text;
    std::size_t bytes = 0;
};

// None when the stream fails for another reason than its end (EIO, a directory read as a file).
std::optional<Bounded> read_bounded(std::istream& in, std::size_t known_size) {  // 0: not known
    Bounded read;
    char buffer[65536];
    while (in && read.text.size() <= limits::file_bytes) {
        in.read(buffer, sizeof buffer);
        read.text.append(buffer, static_cast<std::size_t>(in.gcount()));
    }
    read.bytes = read.text.size();
    if (read.text.size() > limits::file_bytes) {
        read.text.resize(limits::file_bytes + 1);
        if (known_size >= read.bytes) return Bounded{std::move(read.text), known_size};
        while (in) {
            in.read(buffer, sizeof buffer);
            read.bytes += static_cast<std::size_t>(in.gcount());
        }
    }
    if (in.bad()) return std::nullopt;
    return read;
}

// The input read, or none after printing why not; a file over the size limit is none too, with
// the reader's own error (limits::file_too_large, at "") in `too_large` or else printed.
std::optional<std::string> checked_size(std::optional<Bounded> read, const std::string& path, std::ostream& err,
                                        Diagnostics* too_large) {
    if (!read) {
        err << (path == "-" ? "<stdin>" : path) << ": cannot be read: input/output error\n";
        return std::nullopt;
    }
    if (read->bytes <= limits::file_bytes) return std::move(read->text);
    const Diagnostics size{{"", limits::file_too_large(read->bytes), 1, 1}};
    if (too_large) *too_large = size;
    else print_errors(err, path, size);
    return std::nullopt;
}

bool is_scenario_name(const fs::path& path) {
    const std::string name = path.filename().string();
    return path.extension() == ".json" && name.find(".schema.json") == std::string::npos && name[0] != '.';
}

// The directory's scenario files, sorted; false after printing why it could not be listed.
bool list_directory(const std::string& dir, std::vector<std::string>& found, std::ostream& err) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        if (!is_scenario_name(it->path())) continue;
        std::error_code type_ec;
        const bool regular = it->is_regular_file(type_ec);
        if (type_ec) err << it->path().string() << ": skipped: " << type_ec.message() << '\n';
        else if (regular) found.push_back(it->path().string());
    }
    if (ec) {
        err << dir << ": cannot be read: " << ec.message() << '\n';
        return false;
    }
    std::sort(found.begin(), found.end());
    return true;
}

}  // namespace

std::optional<std::string> read_input(const std::string& path, std::ostream& err, Diagnostics* too_large) {
    if (path == "-") return checked_size(read_bounded(std::cin, 0), path, err, too_large);
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        err << path << ": is a directory\n";
        return std::nullopt;
    }
    errno = 0;
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        err << path << ": cannot be read: " << reason(ec) << '\n';
        return std::nullopt;
    }
    std::error_code size_ec;
    const std::uintmax_t size = fs::is_regular_file(path, size_ec) ? fs::file_size(path, size_ec) : 0;
    return checked_size(read_bounded(file, size_ec ? 0 : static_cast<std::size_t>(size)), path, err, too_large);
}

void print_errors(std::ostream& out, const std::string& path, const Diagnostics& errors) {
    for (const Diagnostic& d : errors)
        out << (path == "-" ? "<stdin>" : path) << ':' << d.line << ':' << d.column << ": "
            << (d.pointer.empty() ? "/" : d.pointer) << ": " << d.message << '\n';
}

std::vector<std::string> scenario_files(const std::vector<std::string>& args, std::ostream& err, bool& missing) {
    std::vector<std::string> files;
    for (const std::string& arg : args) {
        std::error_code ec;
        const fs::file_status status = arg == "-" ? fs::file_status{} : fs::status(arg, ec);
        if (arg == "-" || fs::is_regular_file(status) || (fs::exists(status) && !fs::is_directory(status))) {
            files.push_back(arg);
        } else if (fs::is_directory(status)) {
            std::vector<std::string> found;
            if (!list_directory(arg, found, err)) missing = true;
            files.insert(files.end(), found.begin(), found.end());
        } else {
            err << arg << (ec && ec != std::errc::no_such_file_or_directory ? ": cannot be read: " + ec.message()
                                                                            : std::string(": no such file or directory"))
                << '\n';
            missing = true;
        }
    }
    return files;
}

}  // namespace subsim::cli
