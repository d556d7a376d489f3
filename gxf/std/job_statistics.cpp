// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/job_statistics.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace nvidia {
namespace gxf {

namespace {

double percentile_ms(std::deque<int64_t> values, double fraction) {
  if (values.empty()) return 0.0;
  std::sort(values.begin(), values.end());
  size_t index = static_cast<size_t>(fraction * static_cast<double>(values.size() - 1) + 0.5);
  return static_cast<double>(values[std::min(index, values.size() - 1)]) * 1e-6;
}

std::string json_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string left_truncated(const std::string& text, size_t width) {
  if (text.size() <= width) return text;
  return ".." + text.substr(text.size() - (width - 2));
}

}  // namespace

gxf_result_t JobStatistics::register_interface(Registrar* registrar) {
  registrar->parameter(clock_, "clock", "Clock", "Clock used to time executions");
  registrar->parameter(codelet_statistics_, "codelet_statistics", "Codelet statistics",
                       "Also report per codelet", false);
  registrar->parameter(json_file_path_, "json_file_path", "JSON file path",
                       "Write the statistics as JSON to this file", kParameterFlagsOptional);
  registrar->parameter(event_history_count_, "event_history_count", "Event history count",
                       "Executions kept per entity for the median and percentiles", uint32_t{100});
  // Kept per entity and sorted at each report: past a million it only costs memory and time.
  registrar->range(event_history_count_, 1, 1'000'000);
  return GXF_SUCCESS;
}

gxf_result_t JobStatistics::initialize() {
  std::lock_guard<std::mutex> lock(mutex_);
  index_.clear();
  records_.clear();
  start_ns_ = clock_->timestamp();
  return GXF_SUCCESS;
}

void JobStatistics::on_tick(const EntityItem& item, int64_t begin_ns, int64_t end_ns,
                            int64_t target) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = index_.find(&item);
  if (it == index_.end()) {
    EntityRecord record;
    record.name = item.entity()->name();
    for (const Codelet* codelet : item.codelets()) record.codelets.push_back(codelet->name());
    it = index_.emplace(&item, records_.size()).first;
    records_.push_back(std::move(record));
  }
  EntityRecord& record = records_[it->second];
  int64_t duration = end_ns - begin_ns;
  ++record.count;
  record.total_ns += duration;
  record.max_ns = std::max(record.max_ns, duration);
  record.recent_ns.push_back(duration);
  record.recent_variation_ns.push_back(std::max<int64_t>(0, begin_ns - target));
  size_t history = std::max<uint32_t>(1, event_history_count_.get());
  while (record.recent_ns.size() > history) record.recent_ns.pop_front();
  while (record.recent_variation_ns.size() > history) record.recent_variation_ns.pop_front();
}

std::vector<JobStatistics::EntityRecord> JobStatistics::records() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return records_;
}

std::string JobStatistics::report_text(const std::vector<EntityRecord>& records,
                                       int64_t elapsed_ns) const {
  std::ostringstream out;
  const std::string rule(118, '=');
  char line[512];
  out << "|" << rule << "|\n|" << "  Job Statistics Report (regular)" << std::string(86, ' ')
      << "|\n|" << rule << "|\n";
  std::snprintf(line, sizeof(line), "| %-30s | %10s | %-30s | %8s | %10s | %-14s |\n", "Name",
                "Count", "Time (Median - 90% - Max) [ms]", "Load (%)", "Exec(ms)",
                "Variation [ns]");
  out << line;
  for (const EntityRecord& record : records) {
    char times[64];
    std::snprintf(times, sizeof(times), "%.2f - %.2f - %.2f", percentile_ms(record.recent_ns, 0.5),
                  percentile_ms(record.recent_ns, 0.9), record.max_ns * 1e-6);
    double load = elapsed_ns > 0 ? 100.0 * record.total_ns / elapsed_ns : 0.0;
    std::snprintf(line, sizeof(line), "| %-30s | %10ld | %-30s | %8.2f | %10.2f | %14.0f |\n",
                  left_truncated(record.name, 30).c_str(), static_cast<long>(record.count), times,
                  load, record.total_ns * 1e-6,
                  percentile_ms(record.recent_variation_ns, 0.5) * 1e6);
    out << line;
  }
  out << "|" << rule << "|\n";
  if (codelet_statistics_.get()) {
    out << "|  Codelet Statistics Report" << std::string(92, ' ') << "|\n";
    for (const EntityRecord& record : records) {
      for (const std::string& codelet : record.codelets) {
        std::snprintf(line, sizeof(line), "| %-30s | %-30s | %10ld |\n",
                      left_truncated(record.name, 30).c_str(), left_truncated(codelet, 30).c_str(),
                      static_cast<long>(record.count));
        out << line;
      }
    }
    out << "|" << rule << "|\n";
  }
  return out.str();
}

std::string JobStatistics::report_json(const std::vector<EntityRecord>& records,
                                       int64_t elapsed_ns) const {
  std::ostringstream out;
  out << "{\n  \"entities\": [";
  for (size_t i = 0; i < records.size(); ++i) {
    const EntityRecord& record = records[i];
    double load = elapsed_ns > 0 ? 100.0 * record.total_ns / elapsed_ns : 0.0;
    out << (i ? "," : "") << "\n    {\"name\": \"" << json_escape(record.name)
        << "\", \"count\": " << record.count
        << ", \"execution_time_median_ms\": " << percentile_ms(record.recent_ns, 0.5)
        << ", \"execution_time_90_ms\": " << percentile_ms(record.recent_ns, 0.9)
        << ", \"execution_time_max_ms\": " << record.max_ns * 1e-6
        << ", \"execution_time_total_ms\": " << record.total_ns * 1e-6
        << ", \"load_percentage\": " << load << "}";
  }
  out << "\n  ],\n  \"codelets\": [";
  bool first = true;
  for (const EntityRecord& record : records) {
    for (const std::string& codelet : record.codelets) {
      out << (first ? "" : ",") << "\n    {\"entity\": \"" << json_escape(record.name)
          << "\", \"name\": \"" << json_escape(codelet) << "\", \"count\": " << record.count
          << "}";
      first = false;
    }
  }
  out << "\n  ]\n}\n";
  return out.str();
}

gxf_result_t JobStatistics::deinitialize() {
  std::vector<EntityRecord> snapshot = records();
  int64_t elapsed_ns = clock_->timestamp() - start_ns_;
  std::fputs(report_text(snapshot, elapsed_ns).c_str(), stdout);
  std::fflush(stdout);
  if (json_file_path_.is_set() && !json_file_path_.get().empty()) {
    std::ofstream file(json_file_path_.get());
    if (!file) {
      return fail(GXF_FAILURE, "cannot write '%s'", json_file_path_.get().c_str());
    }
    file << report_json(snapshot, elapsed_ns);
  }
  return GXF_SUCCESS;
}

}  // namespace gxf
}  // namespace nvidia
