// `chime install-host`: registers this chime binary as the native-messaging
// host "com.chime.host" with the browsers, by writing the host manifest into
// each browser's NativeMessagingHosts folder (docs/native-messaging.md).
#include <unistd.h>
#if defined(__APPLE__)
#include <mach-o/dyld.h>
#endif

#include <climits>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

#include "chime/result.hpp"
#include "commands.hpp"

namespace chime::cli {

namespace {

namespace fs = std::filesystem;

constexpr const char* kHostName = "com.chime.host";

constexpr const char* kInstallHelp = R"(Usage: chime install-host [OPTIONS]

Registers this chime binary as the native-messaging host "com.chime.host", so
that Chime's extension can run bulk checks through it. Writes
com.chime.host.json into each browser's NativeMessagingHosts folder.

Options:
  --browser NAME        chrome, chromium, edge, brave, firefox, or all
                        (default: every one of them found on this machine)
  --user-data-dir DIR   write DIR/NativeMessagingHosts/com.chime.host.json instead
                        (a browser started with --user-data-dir=DIR reads it there)
  --host-path PATH      the chime binary the browser should start (default: this one)
  --dry-run             print what would be written, write nothing
  -h, --help            this help

Windows: see docs/native-messaging.md (a registry key names the manifest).
)";

struct Browser {
  std::string name;
  bool firefox;
  fs::path config_dir;  // the browser's own folder: found = it exists
  fs::path hosts_dir;   // where the manifest goes
};

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

std::vector<Browser> known_browsers() {
  const fs::path home = env("HOME");
#if defined(__APPLE__)
  const fs::path support = home / "Library" / "Application Support";
  const std::vector<std::pair<std::string, fs::path>> chromium_family = {
      {"chrome", support / "Google" / "Chrome"},
      {"chromium", support / "Chromium"},
      {"edge", support / "Microsoft Edge"},
      {"brave", support / "BraveSoftware" / "Brave-Browser"}};
  const fs::path firefox_dir = support / "Mozilla";
  const fs::path firefox_hosts = firefox_dir / "NativeMessagingHosts";
#else
  const std::string xdg = env("XDG_CONFIG_HOME");
  const fs::path config = xdg.empty() ? home / ".config" : fs::path(xdg);
  const std::vector<std::pair<std::string, fs::path>> chromium_family = {
      {"chrome", config / "google-chrome"},
      {"chromium", config / "chromium"},
      {"edge", config / "microsoft-edge"},
      {"brave", config / "BraveSoftware" / "Brave-Browser"}};
  const fs::path firefox_dir = home / ".mozilla";
  const fs::path firefox_hosts = firefox_dir / "native-messaging-hosts";
#endif
  std::vector<Browser> out;
  for (const auto& [name, dir] : chromium_family) out.push_back({name, false, dir, dir / "NativeMessagingHosts"});
  out.push_back({"firefox", true, firefox_dir, firefox_hosts});
  return out;
}

std::optional<std::string> this_executable() {
#if defined(__APPLE__)
  char raw[PATH_MAX];
  uint32_t size = sizeof raw;
  if (_NSGetExecutablePath(raw, &size) != 0) return std::nullopt;
  char resolved[PATH_MAX];
  if (!realpath(raw, resolved)) return std::nullopt;
  return std::string(resolved);
#else
  std::error_code ec;
  const fs::path p = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return std::nullopt;
  return p.string();
#endif
}

Json manifest_for(bool firefox, const std::string& host_path) {
  Json m = {{"name", kHostName},
            {"description", "Chime writing coach: bulk checks for the browser extension"},
            {"path", host_path},
            {"type", "stdio"}};
  if (firefox) {
    m["allowed_extensions"] = {firefox_extension_id()};
  } else {
    m["allowed_origins"] = {"chrome-extension://" + chrome_extension_id() + "/"};
  }
  return m;
}

bool write_manifest(const fs::path& dir, const Json& manifest, bool dry_run) {
  const fs::path file = dir / (std::string(kHostName) + ".json");
  const std::string text = manifest.dump(2) + "\n";
  if (dry_run) {
    std::cout << "would write " << file.string() << ":\n" << text;
    return true;
  }
  std::error_code ec;
  fs::create_directories(dir, ec);
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  if (ec || !out || !(out << text) || !out.flush()) {
    complain("cannot write " + file.string() + ": check that the folder is writable");
    return false;
  }
  std::cout << "wrote " << file.string() << "\n";
  return true;
}

}  // namespace

int run_install_host(const std::vector<std::string>& args) {
  std::string browser_choice, user_data_dir, host_path;
  bool dry_run = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value = [&](const std::string& name, std::string& out) {
      if (arg.starts_with(name + "=")) {
        out = arg.substr(name.size() + 1);
        return true;
      }
      if (arg != name) return false;
      if (i + 1 >= args.size()) {
        complain(name + " needs a value (see chime install-host --help)");
        std::exit(kExitUsage);
      }
      out = args[++i];
      return true;
    };
    if (arg == "-h" || arg == "--help") {
      std::cout << kInstallHelp;
      return kExitOk;
    }
    if (arg == "--dry-run") dry_run = true;
    else if (value("--browser", browser_choice) || value("--user-data-dir", user_data_dir) ||
             value("--host-path", host_path)) {
    } else {
      complain("unknown option " + arg + " (see chime install-host --help)");
      return kExitUsage;
    }
  }

  if (host_path.empty()) {
    auto self = this_executable();
    if (!self) {
      complain("cannot find this program's own path; give it with --host-path /absolute/path/to/chime");
      return kExitUsage;
    }
    host_path = *self;
  }
  if (!fs::path(host_path).is_absolute()) {
    complain("--host-path " + host_path + ": the browsers need an absolute path");
    return kExitUsage;
  }

  const std::vector<Browser> browsers = known_browsers();
  std::vector<const Browser*> chosen;
  if (!browser_choice.empty() && browser_choice != "all") {
    for (const Browser& b : browsers) {
      if (b.name == browser_choice) chosen.push_back(&b);
    }
    if (chosen.empty()) {
      complain("--browser " + browser_choice + ": use chrome, chromium, edge, brave, firefox or all");
      return kExitUsage;
    }
  }

  if (!user_data_dir.empty()) {
    const bool firefox = !chosen.empty() && chosen[0]->firefox;
    return write_manifest(fs::path(user_data_dir) / "NativeMessagingHosts", manifest_for(firefox, host_path), dry_run)
               ? kExitOk
               : kExitInput;
  }

  if (browser_choice.empty()) {
    for (const Browser& b : browsers) {
      std::error_code ec;
      if (fs::is_directory(b.config_dir, ec)) chosen.push_back(&b);
    }
    if (chosen.empty()) {
      complain("no browser profile found (Chrome, Chromium, Edge, Brave, Firefox); name one with "
               "--browser, or use --user-data-dir DIR");
      return kExitInput;
    }
  } else if (browser_choice == "all") {
    for (const Browser& b : browsers) chosen.push_back(&b);
  }

  bool ok = true;
  for (const Browser* b : chosen) ok = write_manifest(b->hosts_dir, manifest_for(b->firefox, host_path), dry_run) && ok;
  return ok ? kExitOk : kExitInput;
}

}  // namespace chime::cli
