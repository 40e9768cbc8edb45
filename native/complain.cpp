// complain(): every command's one way to tell the user something went wrong
// (commands.hpp). Kept out of main.cpp so that chime_native is complete on
// its own for the fuzz harnesses.
#include <iostream>

#include "commands.hpp"
#include "limits.hpp"

namespace chime::cli {
// Messages quote file names and contents: escaped so that no byte of a file
// can drive the terminal.
void complain(const std::string& message) { std::cerr << "chime: " << escape_controls(message) << "\n" << std::flush; }
}  // namespace chime::cli
