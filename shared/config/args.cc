#include "shared/config/args.h"

#include <string_view>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"

namespace kinerja::config {
namespace {

const Option* FindOption(const Spec& spec, std::string_view name) {
  for (const Option& option : spec.options) {
    if (option.name == name) return &option;
  }
  return nullptr;
}

std::string Quoted(std::string_view s) {
  return absl::StrCat("\"", absl::CHexEscape(absl::string_view(s.data(), s.size())), "\"");
}

}  // namespace

ScannedArgs ScanArgs(const Spec& spec, int argc, const char* const* argv) {
  ScannedArgs out;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      out.help = true;
      continue;
    }
    if (!arg.starts_with("--") || arg.size() == 2) {
      out.problems.push_back(absl::StrCat("unexpected argument ", Quoted(arg)));
      continue;
    }
    std::string_view body = arg.substr(2);
    size_t eq = body.find('=');
    std::string name(body.substr(0, eq));
    const Option* option = FindOption(spec, name);
    if (option == nullptr) {
      out.problems.push_back(absl::StrCat("--", name, ": unknown flag"));
      continue;
    }
    std::string value;
    if (eq != std::string_view::npos) {
      value = std::string(body.substr(eq + 1));
    } else if (option->type == OptionType::kBool) {
      value = "true";
    } else if (i + 1 < argc) {
      value = argv[++i];
    } else {
      out.problems.push_back(absl::StrCat(OptionLabel(*option), ": needs a value"));
      continue;
    }
    if (!out.flags.emplace(name, std::move(value)).second) {
      out.problems.push_back(absl::StrCat(OptionLabel(*option), ": given more than once"));
    }
  }
  return out;
}

}  // namespace kinerja::config
