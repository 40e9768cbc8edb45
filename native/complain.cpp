// complain(): every command's one way to tell the user something went wrong
// (commands.hpp). Kept out of main.cpp so that chime_native is complete on
// its own for the fuzz harnesses.
#include <iostream>

#include "commands.hpp"

namespace chime::cli {
void complain(const std::string& message) { std::cerr << "chime: " << message << "\n" << std::flush; }
}  // namespace chime::cli
