// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace nvidia {
namespace gxf {
namespace benchmark {

// A flat table of named figures in insertion order: one benchmark iteration's (or a whole
// test case's) results. Names are GXF's report keys ("Mean Frame Rate (fps)"), so scripts
// written for GXF's reports read ours.
class MetricsReport {
 public:
  // Sets `key` to `value`, keeping the key's first position.
  void set(const std::string& key, double value);
  // The value of `key`, or nullptr when absent.
  const double* find(const std::string& key) const;
  // Copies every figure of `other` in, overwriting keys present in both.
  void merge(const MetricsReport& other);
  bool empty() const { return values_.empty(); }
  const std::vector<std::pair<std::string, double>>& values() const { return values_; }

  // The table as a JSON object, members indented by `indent` spaces.
  std::string to_json(int indent) const;

 private:
  std::vector<std::pair<std::string, double>> values_;
};

// `text` as a JSON string literal (quotes included).
std::string json_string(const std::string& text);
// `value` as a JSON number: integers without a fraction, others with enough digits to
// read back; non-finite values (which JSON lacks) as null.
std::string json_number(double value);

}  // namespace benchmark
}  // namespace gxf
}  // namespace nvidia
