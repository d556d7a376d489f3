// SPDX-License-Identifier: Apache-2.0
#include "gxf/benchmark/benchmark_controller.hpp"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

#include "gxf/core/logger.hpp"

namespace nvidia {
namespace gxf {
namespace benchmark {

namespace {

// How often the controller looks at the entity buffers while they fill.
constexpr int64_t kBufferingPollNs = 10 * 1000 * 1000;

}  // namespace

gxf_result_t BenchmarkController::register_interface(Registrar* registrar) {
  registrar->parameter(data_source_boolean_terms_, "data_source_boolean_scheduling_terms",
                       "Data source boolean scheduling terms",
                       "Boolean terms disabled (for good) once the buffers are full",
                       std::vector<Handle<BooleanSchedulingTerm>>());
  registrar->parameter(data_source_async_terms_, "data_source_async_scheduling_terms",
                       "Data source async scheduling terms",
                       "Asynchronous terms that let the data sources run while buffering",
                       std::vector<Handle<AsynchronousSchedulingTerm>>());
  registrar->parameter(controller_boolean_term_, "benchmark_controller_boolean_scheduling_term",
                       "Benchmark controller boolean scheduling term",
                       "This controller's boolean term, disabled when the benchmark ends");
  registrar->parameter(controller_target_time_term_,
                       "benchmark_controller_target_time_scheduling_term",
                       "Benchmark controller target time scheduling term",
                       "This controller's target-time term, which times its ticks");
  registrar->parameter(graph_boolean_terms_, "graph_boolean_scheduling_terms",
                       "Graph's boolean scheduling terms",
                       "Boolean terms disabled when the benchmark ends",
                       std::vector<Handle<BooleanSchedulingTerm>>());
  registrar->parameter(benchmark_publishers_, "benchmark_publishers", "Benchmark publishers",
                       "Benchmark publishers that buffer and replay benchmark messages",
                       std::vector<Handle<BenchmarkPublisher>>());
  registrar->parameter(benchmark_sinks_, "benchmark_sinks", "Benchmark sinks",
                       "Benchmark sinks that record message arrival times");
  registrar->parameter(trial_run_, "trial_run", "Trial run switch",
                       "Run one uncounted iteration first when true", true);
  registrar->parameter(kill_at_the_end_, "kill_at_the_end",
                       "Kill the benchmark process at the end",
                       "Send SIGINT to this process when the benchmark ends", false);
  registrar->parameter(title_, "title", "Benchmark title", "Title of the benchmark reports",
                       std::string("Undefined Benchmark Title"));
  registrar->parameter(exported_report_, "exported_report", "Exported report",
                       "File the final JSON report is written to");
  registrar->parameter(entity_buffer_size_, "entity_buffer_size", "Entity buffer size",
                       "Messages buffered in each entity buffer", uint64_t{5});
  registrar->parameter(benchmark_duration_ms_, "benchmark_duration_ms", "Benchmark duration",
                       "Duration of each benchmark iteration in milliseconds", uint64_t{5000});
  registrar->parameter(benchmark_iterations_, "benchmark_iterations",
                       "The number of benchmark iterations",
                       "Benchmark iterations of the test case", uint64_t{5});
  registrar->parameter(benchmark_buffering_timeout_s_, "benchmark_buffering_timeout_s",
                       "Benchmark buffering timeout",
                       "Seconds the buffers may take to fill before the benchmark fails",
                       uint64_t{5});
  registrar->parameter(post_trial_benchmark_iteration_delay_s_,
                       "post_trial_benchmark_iteration_delay_s",
                       "Post trial benchmark iteration delay",
                       "Seconds the sinks drain after the trial iteration", uint64_t{2});
  registrar->parameter(post_benchmark_iteration_delay_s_, "post_benchmark_iteration_delay_s",
                       "Post benchmark iteration delay",
                       "Seconds the sinks drain after each iteration (and the data sources "
                       "settle after buffering)",
                       uint64_t{2});
  // Durations in ns must not overflow int64 (about 292 years).
  registrar->range(entity_buffer_size_, 1, 1u << 30);
  registrar->range(benchmark_duration_ms_, 1, uint64_t{1} << 40);
  registrar->range(benchmark_buffering_timeout_s_, 0, uint64_t{1} << 30);
  registrar->range(post_trial_benchmark_iteration_delay_s_, 0, uint64_t{1} << 30);
  registrar->range(post_benchmark_iteration_delay_s_, 0, uint64_t{1} << 30);
  return GXF_SUCCESS;
}

gxf_result_t BenchmarkController::start() {
  // Nothing runs before the controller says so: publishers wait for an iteration, data
  // sources for the buffering stage.
  for (const auto& publisher : benchmark_publishers_.get()) {
    publisher->async_scheduling_term()->set_event_state(AsynchronousEventState::kWait);
  }
  for (const auto& term : data_source_async_terms_.get()) {
    term->set_event_state(AsynchronousEventState::kWait);
  }
  state_ = State::kInit;
  next_tick_ns_ = 0;
  iteration_reports_.clear();
  concluded_ = MetricsReport();
  return controller_target_time_term_->set_next_target_time(execution_timestamp());
}

gxf_result_t BenchmarkController::tick() {
  const int64_t now = execution_timestamp();
  next_tick_ns_ = 0;
  State next = state_;
  gxf_result_t code = GXF_SUCCESS;
  switch (state_) {
    case State::kInit: next = handle_init(); break;
    case State::kBuffering: code = handle_buffering(&next); break;
    case State::kSettling:
      if (now >= deadline_ns_) next = State::kSetUpTestCase;
      else next_tick_ns_ = deadline_ns_;
      break;
    case State::kSetUpTestCase: next = handle_set_up_test_case(); break;
    case State::kStartIteration: next = handle_start_iteration(); break;
    case State::kRunningIteration: next = handle_running_iteration(); break;
    case State::kDrainingIteration: next = handle_draining_iteration(); break;
    case State::kConcludeTestCase: code = handle_conclude(&next); break;
    case State::kEnding: next = handle_ending(); break;
    case State::kEnded: return GXF_SUCCESS;
  }
  if (code != GXF_SUCCESS) return code;
  state_ = next;
  if (state_ == State::kEnded) return GXF_SUCCESS;
  return controller_target_time_term_->set_next_target_time(std::max(next_tick_ns_, now));
}

BenchmarkController::State BenchmarkController::handle_init() {
  if (benchmark_publishers_.get().empty()) return State::kSetUpTestCase;
  GXF_LOG_INFO("Buffering %lu messages per entity buffer",
               static_cast<unsigned long>(entity_buffer_size_.get()));
  for (const auto& publisher : benchmark_publishers_.get()) {
    publisher->entity_buffer()->set_max_buffer_size(entity_buffer_size_.get());
  }
  for (const auto& term : data_source_async_terms_.get()) {
    term->set_event_state(AsynchronousEventState::kEventDone);
  }
  deadline_ns_ = execution_timestamp() + seconds_ns(benchmark_buffering_timeout_s_.get());
  return State::kBuffering;
}

gxf_result_t BenchmarkController::handle_buffering(State* next) {
  const int64_t now = execution_timestamp();
  if (all_buffers_full()) {
    GXF_LOG_INFO("All %lu messages were buffered; stopping the data sources",
                 static_cast<unsigned long>(entity_buffer_size_.get()));
    for (const auto& term : data_source_async_terms_.get()) {
      term->set_event_state(AsynchronousEventState::kWait);
    }
    for (const auto& term : data_source_boolean_terms_.get()) term->disable_tick();
    // Let a data source tick already under way finish before the first iteration.
    deadline_ns_ = now + seconds_ns(post_benchmark_iteration_delay_s_.get());
    next_tick_ns_ = deadline_ns_;
    *next = State::kSettling;
    return GXF_SUCCESS;
  }
  for (const auto& term : data_source_async_terms_.get()) {
    if (term->event_state() == AsynchronousEventState::kEventNever) {
      return fail(GXF_FAILURE,
                  "data source's asynchronous term '%s/%s' stopped before the buffers were "
                  "full (buffered: %s)",
                  term->entity()->name().c_str(), term->name().c_str(), buffer_fill_text().c_str());
    }
  }
  for (const auto& term : data_source_boolean_terms_.get()) {
    if (!term->check_tick_enabled()) {
      return fail(GXF_FAILURE,
                  "data source's boolean term '%s/%s' was disabled before the buffers were "
                  "full (buffered: %s)",
                  term->entity()->name().c_str(), term->name().c_str(), buffer_fill_text().c_str());
    }
  }
  if (now > deadline_ns_) {
    return fail(GXF_FAILURE,
                "the entity buffers did not fill within benchmark_buffering_timeout_s=%lu s "
                "(buffered: %s); does the data source send at least entity_buffer_size=%lu "
                "messages in that time?",
                static_cast<unsigned long>(benchmark_buffering_timeout_s_.get()),
                buffer_fill_text().c_str(), static_cast<unsigned long>(entity_buffer_size_.get()));
  }
  next_tick_ns_ = std::min(now + kBufferingPollNs, deadline_ns_ + 1);
  *next = State::kBuffering;
  return GXF_SUCCESS;
}

BenchmarkController::State BenchmarkController::handle_set_up_test_case() {
  iteration_count_ = 0;
  is_trial_running_ = trial_run_.get();
  for (const auto& sink : benchmark_sinks_.get()) sink->reset();
  return State::kStartIteration;
}

BenchmarkController::State BenchmarkController::handle_start_iteration() {
  if (iteration_count_ >= benchmark_iterations_.get()) {
    GXF_LOG_INFO("All %lu benchmark iterations were finished",
                 static_cast<unsigned long>(iteration_count_));
    return State::kConcludeTestCase;
  }
  if (is_trial_running_) {
    GXF_LOG_INFO("Running the trial benchmark iteration");
  } else {
    // The trial's figures stay out of the test case's.
    if (iteration_count_ == 0) {
      for (const auto& sink : benchmark_sinks_.get()) sink->reset();
    }
    ++iteration_count_;
    GXF_LOG_INFO("Running benchmark iteration #%lu", static_cast<unsigned long>(iteration_count_));
  }
  for (const auto& publisher : benchmark_publishers_.get()) publisher->published_timestamps().clear();
  for (const auto& sink : benchmark_sinks_.get()) sink->begin();
  for (const auto& publisher : benchmark_publishers_.get()) {
    publisher->async_scheduling_term()->set_event_state(AsynchronousEventState::kEventDone);
  }
  deadline_ns_ = execution_timestamp() + static_cast<int64_t>(benchmark_duration_ms_.get()) * 1000000;
  next_tick_ns_ = deadline_ns_;
  return State::kRunningIteration;
}

BenchmarkController::State BenchmarkController::handle_running_iteration() {
  const int64_t now = execution_timestamp();
  if (now < deadline_ns_) {
    next_tick_ns_ = deadline_ns_;
    return State::kRunningIteration;
  }
  for (const auto& publisher : benchmark_publishers_.get()) {
    publisher->async_scheduling_term()->set_event_state(AsynchronousEventState::kWait);
  }
  const uint64_t delay_s = is_trial_running_ ? post_trial_benchmark_iteration_delay_s_.get()
                                             : post_benchmark_iteration_delay_s_.get();
  deadline_ns_ = now + seconds_ns(delay_s);
  next_tick_ns_ = deadline_ns_;
  return State::kDrainingIteration;
}

BenchmarkController::State BenchmarkController::handle_draining_iteration() {
  if (execution_timestamp() < deadline_ns_) {
    next_tick_ns_ = deadline_ns_;
    return State::kDrainingIteration;
  }
  MetricsReport report;
  for (const auto& sink : benchmark_sinks_.get()) {
    sink->end();
    report.merge(sink->compute());
  }
  if (is_trial_running_) {
    print_report(report, "Trial Run");
    is_trial_running_ = false;
  } else {
    print_report(report, "#" + std::to_string(iteration_count_));
    iteration_reports_.push_back(report);
  }
  return State::kStartIteration;
}

gxf_result_t BenchmarkController::handle_conclude(State* next) {
  concluded_ = MetricsReport();
  for (const auto& sink : benchmark_sinks_.get()) concluded_.merge(sink->conclude());
  print_report(concluded_, "Final Report");
  const gxf_result_t code = export_report();
  if (code != GXF_SUCCESS) return code;
  *next = State::kEnding;
  return GXF_SUCCESS;
}

BenchmarkController::State BenchmarkController::handle_ending() {
  for (const auto& term : graph_boolean_terms_.get()) term->disable_tick();
  GXF_LOG_INFO("Stopping the benchmark controller");
  controller_boolean_term_->disable_tick();
  if (kill_at_the_end_.get()) {
    GXF_LOG_INFO("Interrupting the benchmark process (pid %d)", static_cast<int>(::getpid()));
    ::kill(::getpid(), SIGINT);
  }
  return State::kEnded;
}

bool BenchmarkController::all_buffers_full() const {
  for (const auto& publisher : benchmark_publishers_.get()) {
    if (!publisher->entity_buffer()->is_buffer_full()) return false;
  }
  return true;
}

std::string BenchmarkController::buffer_fill_text() const {
  std::string text;
  for (const auto& publisher : benchmark_publishers_.get()) {
    if (!text.empty()) text += ", ";
    text += publisher->entity()->name() + "/" + publisher->name() + " " +
            std::to_string(publisher->entity_buffer()->size()) + "/" +
            std::to_string(entity_buffer_size_.get());
  }
  return text;
}

gxf_result_t BenchmarkController::export_report() {
  // GXF's report keys at the top level (scripts written for GXF read them), then ours.
  std::string json = "{\n  \"title\": " + json_string(title_.get());
  for (const auto& [key, value] : concluded_.values()) {
    json += ",\n  " + json_string(key) + ": " + json_number(value);
  }
  json += ",\n  \"benchmark_duration_ms\": " + json_number(double(benchmark_duration_ms_.get()));
  json += ",\n  \"iterations\": [";
  for (size_t i = 0; i < iteration_reports_.size(); ++i) {
    MetricsReport numbered;
    numbered.set("iteration", static_cast<double>(i + 1));
    numbered.merge(iteration_reports_[i]);
    json += (i == 0 ? "\n    " : ",\n    ") + numbered.to_json(6);
  }
  json += iteration_reports_.empty() ? "]\n}\n" : "\n  ]\n}\n";

  Expected<size_t> written = exported_report_->write(json.data(), json.size());
  if (!written || *written != json.size()) {
    return fail(GXF_FAILURE,
                "could not write the benchmark report to 'exported_report' (%s/%s): is its "
                "file_path set and writable?",
                exported_report_->entity()->name().c_str(), exported_report_->name().c_str());
  }
  Result closed = exported_report_->close();
  if (!closed) {
    return fail(GXF_FAILURE, "could not close the benchmark report file (%s/%s)",
                exported_report_->entity()->name().c_str(), exported_report_->name().c_str());
  }
  GXF_LOG_INFO("Exported the benchmark report to '%s/%s'",
               exported_report_->entity()->name().c_str(), exported_report_->name().c_str());
  return GXF_SUCCESS;
}

void BenchmarkController::print_report(const MetricsReport& report,
                                       const std::string& sub_heading) const {
  std::vector<std::string> lines;
  size_t width = std::max(title_.get().size(), sub_heading.size());
  for (const auto& [key, value] : report.values()) {
    char number[48];
    std::snprintf(number, sizeof(number), value == static_cast<int64_t>(value) ? "%.0f" : "%.3f",
                  value);
    lines.push_back(key + ": " + number);
    width = std::max(width, lines.back().size());
  }
  const std::string rule = "+" + std::string(width + 2, '-') + "+\n";
  auto centered = [width](const std::string& text) {
    const size_t left = (width - text.size()) / 2;
    return "| " + std::string(left, ' ') + text + std::string(width - text.size() - left, ' ') +
           " |\n";
  };
  std::string table = rule + centered(title_.get());
  if (!sub_heading.empty()) table += centered(sub_heading);
  table += rule;
  for (const std::string& line : lines) {
    table += "| " + line + std::string(width - line.size(), ' ') + " |\n";
  }
  table += rule;
  std::fputs(table.c_str(), stdout);
  std::fflush(stdout);
}

}  // namespace benchmark
}  // namespace gxf
}  // namespace nvidia
