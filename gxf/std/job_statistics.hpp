// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "gxf/std/clock.hpp"
#include "gxf/std/entity_executor.hpp"
#include "gxf/std/execution_observer.hpp"

namespace nvidia {
namespace gxf {

// Per-entity tick counts and execution times, printed at deinitialize and optionally written
// as JSON. Keeps a bounded history per entity, so memory stays flat however long the run.
class JobStatistics : public Component, public ExecutionObserver {
 public:
  gxf_result_t register_interface(Registrar* registrar) override;
  gxf_result_t initialize() override;
  gxf_result_t deinitialize() override;

  void on_tick(const EntityItem& item, int64_t begin_ns, int64_t end_ns, int64_t target) override;
  int64_t now_ns() const override { return clock_->timestamp(); }

  struct EntityRecord {
    std::string name;
    std::vector<std::string> codelets;
    int64_t count = 0;
    int64_t total_ns = 0;
    int64_t max_ns = 0;
    std::deque<int64_t> recent_ns;  // last event_history_count execution times
    std::deque<int64_t> recent_variation_ns;
  };
  // Snapshot of the records, in first-tick order.
  std::vector<EntityRecord> records() const;

 private:
  std::string report_text(const std::vector<EntityRecord>& records, int64_t elapsed_ns) const;
  std::string report_json(const std::vector<EntityRecord>& records, int64_t elapsed_ns) const;

  Parameter<Handle<Clock>> clock_;
  Parameter<bool> codelet_statistics_;
  Parameter<std::string> json_file_path_;
  Parameter<uint32_t> event_history_count_;

  mutable std::mutex mutex_;
  std::unordered_map<const EntityItem*, size_t> index_;
  std::vector<EntityRecord> records_;
  int64_t start_ns_ = 0;
};

}  // namespace gxf
}  // namespace nvidia
