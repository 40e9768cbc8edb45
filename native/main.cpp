// chime: bulk checks from the command line, and the native-messaging host
// that the browser extension starts (docs/cli.md, docs/native-messaging.md).
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "chime/analyzer.hpp"
#include "commands.hpp"
#include "limits.hpp"

namespace {

constexpr const char* kHelp = R"(Usage: chime COMMAND [OPTIONS]

Chime, a writing coach for healthcare accounts on X.

Commands:
  check FILE...     check every post in text, JSON Lines, CSV or tweets.js files
                    (- is standard input); see chime check --help
  install-host      register chime as the browser extension's native host
                    (Chrome, Chromium, Edge, Brave, Firefox); see chime install-host --help

Options:
  -h, --help        this help
  --version         print the version

Start with:  chime check samples/healthcare-tweets.csv

When a browser starts chime with its extension's origin, chime speaks the
native-messaging protocol on standard input and output instead.
)";

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace chime::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << kHelp;
    return kExitUsage;
  }
  const std::string& command = args[0];
  // The browsers start a native host with the caller's origin (Chromium
  // family) or with the host manifest's path and the extension id (Firefox).
  if (command.starts_with("chrome-extension://") || (ends_with(command, ".json") && args.size() >= 2)) {
    return run_host(args);
  }
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  try {
    if (command == "check") return run_check(rest);
    if (command == "install-host") return run_install_host(rest);
  } catch (const std::exception& e) {
    complain(std::string("unexpected error: ") + e.what());
    return kExitInput;
  }
  if (command == "-h" || command == "--help" || command == "help") {
    std::cout << kHelp;
    return kExitOk;
  }
  if (command == "--version" || command == "version") {
    std::cout << "chime " << chime::version() << "\n";
    return kExitOk;
  }
  complain("unknown command " + command + ": use check or install-host (see chime --help)");
  return kExitUsage;
}
