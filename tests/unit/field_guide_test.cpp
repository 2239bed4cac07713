// The field guide (core/narrate/field_guide.*): every key of schema/scenario.schema.json is
// explained in every locale, so a new key without help text fails here; and the guide names no
// key the format does not have.
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include "narrate/field_guide.hpp"

namespace {

using nlohmann::json;

json read_schema() {
    std::ifstream in(std::filesystem::path(SUBSIM_SOURCE_DIR) / "schema" / "scenario.schema.json", std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return json::parse(text.str());
}

// The definition a "$ref": "#/definitions/x" points to, or the node itself.
const json& resolved(const json& schema, const json& node) {
    if (!node.contains("$ref")) return node;
    const std::string ref = node["$ref"];
    return schema["definitions"][ref.substr(ref.rfind('/') + 1)];
}

// Every property path under `node` ("/catalog/plans/*/notice"), list items as "*".
void collect(const json& schema, const json& node_in, const std::string& path, std::set<std::string>& out) {
    const json& node = resolved(schema, node_in);
    if (node.contains("properties"))
        for (const auto& [key, child] : node["properties"].items()) {
            out.insert(path + "/" + key);
            if (child.is_object()) collect(schema, child, path + "/" + key, out);
        }
    if (node.contains("items")) collect(schema, node["items"], path + "/*", out);
    for (const char* several : {"oneOf", "anyOf", "allOf"})
        if (node.contains(several))
            for (const json& option : node[several]) collect(schema, option, path, out);
    // One branch per format version (if "subsim" is 1 / 2, then ...).
    for (const char* branch : {"then", "else"})
        if (node.contains(branch)) collect(schema, node[branch], path, out);
}

std::set<std::string> schema_paths() {
    const json schema = read_schema();
    std::set<std::string> paths;
    collect(schema, schema, "", paths);
    return paths;
}

std::set<std::string> guide_paths(subsim::Language language) {
    std::set<std::string> paths;
    for (const subsim::FieldHelp& entry : subsim::field_guide(language)) paths.insert(std::string(entry.path));
    return paths;
}

}  // namespace

TEST_CASE("Every key of the scenario schema has a field-guide entry in English and in French", "[field_guide]") {
    const std::set<std::string> schema = schema_paths();
    REQUIRE(schema.count("/catalog/plans/*/notice") == 1);  // the walk reaches nested keys
    REQUIRE(schema.count("/catalog/products/*/cancels_account/if_account_created_before") == 1);
    for (const subsim::Language language : {subsim::Language::en, subsim::Language::fr}) {
        const std::set<std::string> guide = guide_paths(language);
        for (const std::string& path : schema) {
            INFO("schema key without a field-guide entry: " << path);
            CHECK(guide.count(path) == 1);
        }
        for (const std::string& path : guide) {
            INFO("field-guide entry for a key the schema does not have: " << path);
            CHECK(schema.count(path) == 1);
        }
    }
}

TEST_CASE("Each field-guide entry has a label and an explanation, and French ones are French", "[field_guide]") {
    const auto en = subsim::field_guide(subsim::Language::en);
    const auto fr = subsim::field_guide(subsim::Language::fr);
    REQUIRE(en.size() == fr.size());
    std::size_t translated = 0;
    for (std::size_t i = 0; i < en.size(); ++i) {
        INFO(en[i].path);
        CHECK(en[i].path == fr[i].path);  // same order, so the page can lay the form out once
        CHECK_FALSE(en[i].label.empty());
        CHECK_FALSE(fr[i].label.empty());
        CHECK(en[i].help.size() > en[i].label.size());
        CHECK(fr[i].help.size() > fr[i].label.size());
        translated += en[i].help != fr[i].help ? 1 : 0;
    }
    CHECK(translated == en.size());
}

TEST_CASE("field_guide_json gives the page every entry of the asked language", "[field_guide]") {
    const json fr = json::parse(subsim::field_guide_json("fr-CA"));
    CHECK(fr["locale"] == "fr");
    CHECK(fr["fields"]["/catalog/plans/*/notice"]["label"] == "Préavis");
    const json en = json::parse(subsim::field_guide_json("de"));  // an unknown locale is English
    CHECK(en["locale"] == "en");
    CHECK(en["fields"].size() == subsim::field_guide(subsim::Language::en).size());
    CHECK(en["fields"]["/catalog/plans/*/notice"]["help"].get<std::string>().find("cancellation") != std::string::npos);
}
