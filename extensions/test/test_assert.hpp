// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace nvidia {
namespace gxf {
namespace test {

// A failed check of a test component that asked for assertions: logs the message, then ends
// the process with exit status 1 as GXF's GXF_ASSERT does (so a graph run cannot swallow it).
[[noreturn]] void assertion_failed(const char* format, ...) __attribute__((format(printf, 1, 2)));

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
