// Configuration: parse and validate the JSON document of rules.md section 9.
// Every problem is collected (not only the first) and names its key path, so
// that the options page can show all of them next to the offending keys.
#include "chime/config.hpp"

#include <algorithm>

#include "rules/features.hpp"
#include "rules/rule.hpp"
#include "text/unicode.hpp"

namespace chime {

namespace {

constexpr std::string_view kSchema = "chime.config/1";
// Limits that keep a configuration sane (and fast to compile).
constexpr int kMaxHashtags = 30;
constexpr double kMinGrade = 1.0, kMaxGrade = 20.0;
constexpr int kMinMentionWall = 2, kMaxMentionWall = 20;
constexpr size_t kMaxListItems = 500;
constexpr size_t kMaxItemBytes = 200;

class Parser {
 public:
  explicit Parser(std::vector<ConfigError>& errors) : errors_(errors) {}

  void fail(std::string path, std::string message) { errors_.push_back({std::move(path), std::move(message)}); }

  // Checks that `j` is an object and that it has only `known` keys.
  bool object(const Json& j, const std::string& path, std::initializer_list<std::string_view> known) {
    if (!j.is_object()) {
      fail(path.empty() ? "(root)" : path, "must be an object");
      return false;
    }
    for (const auto& [key, value] : j.items()) {
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        std::string expected;
        for (std::string_view k : known) expected += (expected.empty() ? "" : ", ") + std::string(k);
        fail(join(path, key), "unknown key (expected one of: " + expected + ")");
      }
    }
    return true;
  }

  // A list of non-empty strings; `check` validates and normalises each item
  // (returns an error message, or empty when fine).
  template <typename Check>
  std::vector<std::string> strings(const Json& j, const std::string& path, Check check) {
    std::vector<std::string> out;
    if (!j.is_array()) {
      fail(path, "must be a list of strings");
      return out;
    }
    if (j.size() > kMaxListItems) {  // refused before any item is looked at
      fail(path, "must have at most " + std::to_string(kMaxListItems) + " items");
      return out;
    }
    for (size_t i = 0; i < j.size(); ++i) {
      const std::string item_path = path + "[" + std::to_string(i) + "]";
      if (!j[i].is_string()) {
        fail(item_path, "must be a string");
        continue;
      }
      std::string value = j[i].get<std::string>();
      if (value.empty() || value.size() > kMaxItemBytes) {
        fail(item_path, "must be a non-empty string of at most " + std::to_string(kMaxItemBytes) + " bytes");
        continue;
      }
      if (std::string problem = check(value); !problem.empty()) {
        fail(item_path, problem);
        continue;
      }
      if (std::find(out.begin(), out.end(), value) == out.end()) out.push_back(std::move(value));
    }
    return out;
  }

  static std::string join(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
  }

 private:
  std::vector<ConfigError>& errors_;
};

bool is_handle_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// "@MercyGeneral" or "MercyGeneral" -> "mercygeneral"; X handles are 1-15
// letters, digits or underscores.
std::string normalise_handle(std::string& value) {
  std::string bare = value.starts_with('@') ? value.substr(1) : value;
  if (bare.empty() || bare.size() > 15 || !std::all_of(bare.begin(), bare.end(), is_handle_char)) {
    return "must be an X handle such as \"@MercyGeneral\" (1-15 letters, digits or _)";
  }
  value = text::fold_utf8(bare);
  return {};
}

// "#MercyCares" or "MercyCares" -> "mercycares". Hashtags may use any
// letters, so only spaces and a few sigils are refused.
std::string normalise_hashtag(std::string& value) {
  std::string bare = value.starts_with('#') ? value.substr(1) : value;
  if (bare.empty() || bare.find_first_of(" \t\n#@") != std::string::npos) {
    return "must be a hashtag such as \"#MercyCares\" (no spaces)";
  }
  value = text::fold_utf8(bare);
  return {};
}

std::string plain_text(std::string&) { return {}; }

void parse_organization(Parser& p, const Json& j, Config& c) {
  if (!p.object(j, "organization", {"names", "handles", "hashtags"})) return;
  if (j.contains("names")) c.org_names = p.strings(j["names"], "organization.names", plain_text);
  if (j.contains("handles")) c.org_handles = p.strings(j["handles"], "organization.handles", normalise_handle);
  if (j.contains("hashtags")) c.brand_hashtags = p.strings(j["hashtags"], "organization.hashtags", normalise_hashtag);
}

void parse_phrases(Parser& p, const Json& j, Config& c) {
  if (!j.is_object()) {
    p.fail("phrases", "must be an object mapping rule ids to lists of phrases");
    return;
  }
  for (const auto& [rule, list] : j.items()) {
    const std::string path = "phrases." + rule;
    if (!find_rule(rule)) {
      p.fail(path, "unknown rule id");
      continue;
    }
    if (!takes_phrases(rule)) {
      p.fail(path, "this rule does not take extra phrases (rules that do: " + phrase_rule_list() + ")");
      continue;
    }
    auto phrases = p.strings(list, path, plain_text);
    if (!phrases.empty()) c.extra_phrases[rule] = std::move(phrases);
  }
}

void parse_rules(Parser& p, const Json& j, Config& c) {
  if (!j.is_object()) {
    p.fail("rules", "must be an object mapping rule ids to \"off\", \"on\" or a severity");
    return;
  }
  for (const auto& [rule, value] : j.items()) {
    const std::string path = "rules." + rule;
    if (!find_rule(rule)) {
      p.fail(path, "unknown rule id");
      continue;
    }
    const std::string setting = value.is_string() ? value.get<std::string>() : "";
    if (setting == "off") {
      c.disabled_rules.insert(rule);
    } else if (setting == "on") {
      c.disabled_rules.erase(rule);
    } else if (auto severity = severity_from_string(setting)) {
      c.severity_overrides[rule] = *severity;
    } else {
      p.fail(path, "must be \"off\", \"on\", \"good\", \"tip\", \"warning\" or \"error\"");
    }
  }
}

void parse_thresholds(Parser& p, const Json& j, Config& c) {
  if (!p.object(j, "thresholds", {"hashtags", "reading_grade", "mention_wall"})) return;
  auto integer = [&](const char* key, int lo, int hi, int& out) {
    if (!j.contains(key)) return;
    const Json& v = j[key];
    if (v.is_number_integer() && v.get<int64_t>() >= lo && v.get<int64_t>() <= hi) {
      out = v.get<int>();
    } else {
      p.fail(std::string("thresholds.") + key,
             "must be an integer from " + std::to_string(lo) + " to " + std::to_string(hi));
    }
  };
  integer("hashtags", 0, kMaxHashtags, c.max_hashtags);
  integer("mention_wall", kMinMentionWall, kMaxMentionWall, c.mention_wall);
  if (j.contains("reading_grade")) {
    const Json& v = j["reading_grade"];
    if (v.is_number() && v.get<double>() >= kMinGrade && v.get<double>() <= kMaxGrade) {
      c.reading_grade = v.get<double>();
    } else {
      p.fail("thresholds.reading_grade", "must be a number from 1 to 20");
    }
  }
}

Json handles_json(const std::vector<std::string>& list, const char* sigil) {
  Json out = Json::array();
  for (const std::string& s : list) out.push_back(sigil + s);
  return out;
}

}  // namespace

std::optional<Config> Config::parse(const Json& j, std::vector<ConfigError>& errors) {
  const size_t errors_before = errors.size();
  Parser p(errors);
  Config c;
  if (j.is_null()) return c;  // no configuration: the defaults
  if (!p.object(j, "", {"schema", "organization", "chats", "phrases", "rules", "thresholds", "lang"})) {
    return std::nullopt;
  }
  if (j.contains("schema") && !(j["schema"].is_string() && j["schema"].get<std::string>() == kSchema)) {
    p.fail("schema", "must be \"" + std::string(kSchema) + "\" when given");
  }
  if (j.contains("organization")) parse_organization(p, j["organization"], c);
  if (j.contains("chats")) c.extra_chats = p.strings(j["chats"], "chats", normalise_hashtag);
  if (j.contains("phrases")) parse_phrases(p, j["phrases"], c);
  if (j.contains("rules")) parse_rules(p, j["rules"], c);
  if (j.contains("thresholds")) parse_thresholds(p, j["thresholds"], c);
  if (j.contains("lang")) {
    const Json& v = j["lang"];
    const std::string lang = v.is_string() ? v.get<std::string>() : "";
    if (lang == "auto" || lang == "en" || lang == "es") {
      c.lang = lang;
    } else {
      p.fail("lang", "must be \"auto\", \"en\" or \"es\"");
    }
  }
  if (errors.size() != errors_before) return std::nullopt;
  return c;
}

std::optional<Config> Config::parse(std::string_view json_text, std::vector<ConfigError>& errors) {
  Json j;
  try {
    j = Json::parse(json_text);
  } catch (const Json::exception& e) {  // parse_error, or out_of_range for a number like 1E400
    errors.push_back({"(root)", std::string("invalid JSON: ") + e.what()});  // names the byte
    return std::nullopt;
  }
  return parse(j, errors);
}

Json Config::to_json() const {
  Json rules = Json::object();
  for (const RuleInfo& rule : all_rules()) {  // registry order: stable output
    const std::string id(rule.id);
    if (disabled_rules.contains(id)) rules[id] = "off";
    else if (auto it = severity_overrides.find(id); it != severity_overrides.end()) rules[id] = to_string(it->second);
  }
  Json phrases = Json::object();
  for (const auto& [rule, list] : extra_phrases) phrases[rule] = list;
  return {
      {"schema", kSchema},
      {"organization", {{"names", org_names}, {"handles", handles_json(org_handles, "@")},
                        {"hashtags", handles_json(brand_hashtags, "#")}}},
      {"chats", handles_json(extra_chats, "#")},
      {"phrases", std::move(phrases)},
      {"rules", std::move(rules)},
      {"thresholds", {{"hashtags", max_hashtags}, {"reading_grade", reading_grade},
                      {"mention_wall", mention_wall}}},
      {"lang", lang},
  };
}

bool Config::disabled(std::string_view rule) const { return disabled_rules.contains(rule); }

}  // namespace chime
