// subsim: the native command line (SPEC §6). A thin shell: reading files and printing; the
// answers come from the pure core.
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "commands.hpp"

namespace {

constexpr const char* usage =
    "usage:\n"
    "  subsim run FILE [--json] [--locale fr|en]   simulate one scenario (FILE may be - for stdin)\n"
    "  subsim check FILE|DIR... [--locale fr|en] [--tap] [--junit REPORT.xml] [--jobs N]\n"
    "                                             simulate and check every scenario's expect list,\n"
    "                                             on all cores; TAP on stdout, JUnit XML to a file\n"
    "  subsim explain FILE [--locale fr|en]       the sentence of every event, as a JSON array\n"
    "  subsim validate FILE...                    report errors only\n"
    "  subsim ics FILE [--locale fr|en]           the dates to act on (last day to cancel, renewals,\n"
    "                                             trial ends, access ends) as an iCalendar file\n"
    "  subsim render FILE --svg|--png|--html [--locale fr|en] [--link URL]\n"
    "                                             the timeline as an SVG or PNG picture, or the\n"
    "                                             dated sentences as an HTML fragment for help centers\n"
    "  subsim rules                               print docs/rules.md (the rule catalogue)\n"
    "every command that reads a scenario takes --today YYYY-MM-DD: the date that relative dates\n"
    "(\"today\", \"today+P10D\") resolve against; without it, this machine's local date\n"
    "exit status: 0 success, 1 an expectation failed, 2 invalid input, 3 internal failure\n";

}  // namespace

int main(int argc, char** argv) {
    try {
        std::vector<std::string> args(argv + 1, argv + argc);
        if (args.empty() || args[0] == "--help" || args[0] == "-h") {
            std::cout << usage;
            return args.empty() ? 2 : 0;
        }
        if (args[0] == "--version") {
            std::cout << "subsim " << subsim::cli::version() << '\n';
            return 0;
        }
        const std::string command = args[0];
        args.erase(args.begin());
        if (command == "run") return subsim::cli::run(args, std::cout, std::cerr);
        if (command == "check") return subsim::cli::check(args, std::cout, std::cerr);
        if (command == "explain") return subsim::cli::explain(args, std::cout, std::cerr);
        if (command == "rules") return subsim::cli::rules(args, std::cout, std::cerr);
        if (command == "validate") return subsim::cli::validate(args, std::cout, std::cerr);
        if (command == "ics") return subsim::cli::ics(args, std::cout, std::cerr);
        if (command == "render") return subsim::cli::render(args, std::cout, std::cerr);
        std::cerr << "subsim: unknown command \"" << command << "\"\n" << usage;
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "subsim: internal failure: " << e.what() << '\n';
        return 3;
    } catch (...) {
        std::cerr << "subsim: internal failure\n";
        return 3;
    }
}
