// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/test_assert.hpp"

#include <cstdarg>
#include <cstdio>
#include <cstdlib>

namespace nvidia {
namespace gxf {
namespace test {

void assertion_failed(const char* format, ...) {
  std::fflush(stdout);
  std::fprintf(stderr, "PANIC: test assertion failed: ");
  va_list args;
  va_start(args, format);
  std::vfprintf(stderr, format, args);
  va_end(args);
  std::fprintf(stderr, "\n");
  std::fflush(stderr);
  // No destructors or atexit handlers: other threads may still be inside the graph.
  std::_Exit(1);
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
