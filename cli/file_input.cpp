#include "file_input.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "io/limits.hpp"

namespace subsim::cli {

namespace fs = std::filesystem;

std::optional<std::string> read_input(const std::string& path, std::ostream& err) {
    std::istream* in = &std::cin;
    std::ifstream file;
    if (path != "-") {
        std::error_code ec;
        if (fs::is_directory(path, ec)) {
            err << path << ": is a directory\n";
            return std::nullopt;
        }
        file.open(path, std::ios::binary);
        if (!file) {
            err << path << ": cannot be read\n";
            return std::nullopt;
        }
        in = &file;
    }
    // Read one byte past the limit so the size error can be reported without reading everything.
    std::string text;
    char buffer[65536];
    while (*in && text.size() <= limits::file_bytes) {
        in->read(buffer, sizeof buffer);
        text.append(buffer, static_cast<std::size_t>(in->gcount()));
    }
    return text;
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
        if (arg != "-" && fs::is_directory(arg, ec)) {
            std::vector<std::string> found;
            for (const auto& entry : fs::directory_iterator(arg, ec)) {
                const std::string name = entry.path().filename().string();
                if (entry.is_regular_file() && entry.path().extension() == ".json" &&
                    name.find(".schema.json") == std::string::npos && name[0] != '.')
                    found.push_back(entry.path().string());
            }
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else if (arg == "-" || fs::exists(arg, ec)) {
            files.push_back(arg);
        } else {
            err << arg << ": no such file or directory\n";
            missing = true;
        }
    }
    return files;
}

}  // namespace subsim::cli
