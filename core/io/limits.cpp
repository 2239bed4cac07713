#include "io/limits.hpp"

namespace subsim::limits {

std::string file_too_large(std::size_t bytes) {
    return "the file is larger than 1 MiB (" + std::to_string(bytes) + " bytes)";
}

std::string answer_too_large(std::size_t bytes, bool exact) {
    return std::string("the answer would be ") + (exact ? std::to_string(bytes) + " bytes, " : "") + "more than the limit of " +
           std::to_string(answer_bytes) + " bytes (256 MiB); shorten the horizon (until), lengthen the periods or shorten "
           "the ids and names";
}

}  // namespace subsim::limits
