// subsim render FILE --svg|--png|--html [--locale L] [--link URL]: the timeline as a picture, or
// the dated sentences as an HTML fragment for strict help centers (docs/outputs.md).
#include "commands.hpp"
#include "options.hpp"
#include "render/sentence_table_html.hpp"
#include "render/timeline_png.hpp"
#include "render/timeline_svg.hpp"
#include "simulated_file.hpp"

namespace subsim::cli {

int render(std::vector<std::string> args, std::ostream& out, std::ostream& err) {
    const std::string locale = take_locale(args);
    std::optional<Date> today;
    if (!take_today(args, "render", err, today)) return 2;
    bool missing_value = false;
    const auto link = take_value(args, "--link", missing_value);
    const int formats = take_flag(args, "--svg") + take_flag(args, "--png") * 2 + take_flag(args, "--html") * 4;
    if (missing_value || (formats != 1 && formats != 2 && formats != 4)) {
        err << "subsim render: give one of --svg, --png, --html (and --link URL with a value)\n";
        return 2;
    }
    if (link && !is_web_link(*link)) {
        err << "subsim render: --link takes an http:// or https:// address\n";
        return 2;
    }
    const auto path = single_file(args, "render", err);
    if (!path) return 2;
    const auto file = read_and_simulate_file(*path, err, today);
    if (!file) return 2;
    const Language lang = language_of(locale, file->scenario.locale);
    if (formats == 1) out << timeline_svg(file->scenario, file->result, lang);
    if (formats == 4) {
        const auto html = sentence_table_html(file->scenario, file->result, lang, link.value_or(""));
        if (!html) return answer_too_large(err, *path);
        out << *html;
    }
    if (formats == 2) {
        const std::string png = timeline_png(file->scenario, file->result, lang);
        out.write(png.data(), static_cast<std::streamsize>(png.size()));
    }
    return 0;
}

}  // namespace subsim::cli
