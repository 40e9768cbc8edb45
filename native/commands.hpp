// The chime subcommands; each returns the process exit code.
#pragma once
#include <string>
#include <vector>

namespace chime::cli {

// Exit codes (docs/cli.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailOn = 1;     // --fail-on found a hint at or above the level
inline constexpr int kExitUsage = 2;      // bad arguments or configuration: nothing was checked
inline constexpr int kExitInput = 3;      // some input could not be read (reported, the rest was checked)

int run_check(const std::vector<std::string>& args);
int run_install_host(const std::vector<std::string>& args);
// Native messaging: `origin_args` are what the browser passed.
int run_host(const std::vector<std::string>& origin_args);

// The extension the host answers to.
std::string chrome_extension_id();      // from manifest.json's "key"
std::string firefox_extension_id();     // browser_specific_settings.gecko.id

// "chime: " + message + "\n" on stderr.
void complain(const std::string& message);

}  // namespace chime::cli
