// SPDX-License-Identifier: Apache-2.0
#include "gxf/core/logger.hpp"

#include <chrono>
#include <cstdarg>
#include <cstring>
#include <ctime>
#include <mutex>

namespace nvidia {
namespace gxf {

std::atomic<int> g_log_severity{static_cast<int>(Severity::kInfo)};

namespace {

std::mutex g_log_mutex;
FILE* g_log_file = nullptr;

const char* severity_label(Severity severity) {
  switch (severity) {
    case Severity::kError: return "ERROR";
    case Severity::kWarning: return "WARN ";
    case Severity::kInfo: return "INFO ";
    case Severity::kDebug: return "DEBUG";
    case Severity::kVerbose: return "VERB ";
    default: return "";
  }
}

const char* base_name(const char* path) {
  const char* slash = std::strrchr(path, '/');
  return slash ? slash + 1 : path;
}

}  // namespace

void log_message(Severity severity, const char* file, int line, const char* format, ...) {
  char body[2048];
  va_list args;
  va_start(args, format);
  std::vsnprintf(body, sizeof(body), format, args);
  va_end(args);

  auto now = std::chrono::system_clock::now();
  std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  int millis = static_cast<int>(
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000);
  std::tm local{};
  localtime_r(&seconds, &local);
  char stamp[32];
  std::strftime(stamp, sizeof(stamp), "%Y-%m-%d %H:%M:%S", &local);

  std::lock_guard<std::mutex> lock(g_log_mutex);
  FILE* out = g_log_file ? g_log_file : (severity == Severity::kError ? stderr : stdout);
  std::fprintf(out, "%s.%03d %s %s@%d: %s\n", stamp, millis, severity_label(severity),
               base_name(file), line, body);
  std::fflush(out);
}

bool set_log_file(const std::string& path) {
  std::lock_guard<std::mutex> lock(g_log_mutex);
  if (g_log_file) std::fclose(g_log_file);
  g_log_file = nullptr;
  if (path.empty()) return true;
  g_log_file = std::fopen(path.c_str(), "w+");
  return g_log_file != nullptr;
}

}  // namespace gxf
}  // namespace nvidia
