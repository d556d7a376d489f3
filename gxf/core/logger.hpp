// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <cstdio>
#include <string>

namespace nvidia {
namespace gxf {

// GXF severities: 0 none, 1 error, 2 warning, 3 info, 4 debug, 5 verbose.
enum class Severity : int { kNone = 0, kError = 1, kWarning = 2, kInfo = 3, kDebug = 4, kVerbose = 5 };

extern std::atomic<int> g_log_severity;

inline bool log_enabled(Severity severity) {
  return static_cast<int>(severity) <= g_log_severity.load(std::memory_order_relaxed);
}
void log_message(Severity severity, const char* file, int line, const char* format, ...)
    __attribute__((format(printf, 4, 5)));
// Redirects all log output to `path` (empty: back to stdout/stderr). False if it can't open.
bool set_log_file(const std::string& path);

}  // namespace gxf
}  // namespace nvidia

#define GXF_LOG_AT(severity, ...)                                                   \
  do {                                                                              \
    if (::nvidia::gxf::log_enabled(severity)) {                                     \
      ::nvidia::gxf::log_message(severity, __FILE__, __LINE__, __VA_ARGS__);        \
    }                                                                               \
  } while (0)
#define GXF_LOG_ERROR(...) GXF_LOG_AT(::nvidia::gxf::Severity::kError, __VA_ARGS__)
#define GXF_LOG_WARNING(...) GXF_LOG_AT(::nvidia::gxf::Severity::kWarning, __VA_ARGS__)
#define GXF_LOG_INFO(...) GXF_LOG_AT(::nvidia::gxf::Severity::kInfo, __VA_ARGS__)
#define GXF_LOG_DEBUG(...) GXF_LOG_AT(::nvidia::gxf::Severity::kDebug, __VA_ARGS__)
#define GXF_LOG_VERBOSE(...) GXF_LOG_AT(::nvidia::gxf::Severity::kVerbose, __VA_ARGS__)
