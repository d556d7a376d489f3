// SPDX-License-Identifier: Apache-2.0
#include "gxf/benchmark/metrics_report.hpp"

#include <cmath>
#include <cstdio>

namespace nvidia {
namespace gxf {
namespace benchmark {

void MetricsReport::set(const std::string& key, double value) {
  for (auto& entry : values_) {
    if (entry.first == key) {
      entry.second = value;
      return;
    }
  }
  values_.emplace_back(key, value);
}

const double* MetricsReport::find(const std::string& key) const {
  for (const auto& entry : values_) {
    if (entry.first == key) return &entry.second;
  }
  return nullptr;
}

void MetricsReport::merge(const MetricsReport& other) {
  for (const auto& entry : other.values_) set(entry.first, entry.second);
}

std::string MetricsReport::to_json(int indent) const {
  const std::string pad(static_cast<size_t>(indent), ' ');
  const std::string closing_pad(static_cast<size_t>(indent > 2 ? indent - 2 : 0), ' ');
  if (values_.empty()) return "{}";
  std::string text = "{\n";
  for (size_t i = 0; i < values_.size(); ++i) {
    text += pad + json_string(values_[i].first) + ": " + json_number(values_[i].second);
    text += i + 1 < values_.size() ? ",\n" : "\n";
  }
  return text + closing_pad + "}";
}

std::string json_string(const std::string& text) {
  std::string quoted = "\"";
  for (char c : text) {
    switch (c) {
      case '"': quoted += "\\\""; break;
      case '\\': quoted += "\\\\"; break;
      case '\n': quoted += "\\n"; break;
      case '\t': quoted += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof(escaped), "\\u%04x", c);
          quoted += escaped;
        } else {
          quoted += c;
        }
    }
  }
  return quoted + "\"";
}

std::string json_number(double value) {
  if (!std::isfinite(value)) return "null";
  char text[32];
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    std::snprintf(text, sizeof(text), "%.0f", value);
  } else {
    std::snprintf(text, sizeof(text), "%.17g", value);
  }
  return text;
}

}  // namespace benchmark
}  // namespace gxf
}  // namespace nvidia
