// SPDX-License-Identifier: Apache-2.0
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "gxf/core/bindings/context_handle.hpp"
#include "gxf/core/bindings/errors.hpp"
#include "gxf/std/execution_metrics.hpp"
#include "gxf/std/bindings/executor_of.hpp"

namespace py = pybind11;

namespace nvidia {
namespace gxf {

namespace {

std::shared_ptr<ExecutionMetrics> metrics_of(uint64_t handle) {
  std::shared_ptr<ExecutionMetrics> metrics = executor_of(handle, "metrics").metrics();
  if (!metrics) {
    throw GxfException{Error(GXF_INVALID_EXECUTION_SEQUENCE,
                             "metrics are not enabled for this graph (metrics_enable after "
                             "graph_activate; they end at deactivation)")};
  }
  return metrics;
}

py::dict histogram(const LogHistogram& histogram) {
  py::list buckets;
  for (const LogHistogram::Bucket& bucket : histogram.buckets()) {
    buckets.append(py::make_tuple(bucket.lower, bucket.upper, bucket.count));
  }
  py::dict result;
  result["samples"] = histogram.samples();
  result["total"] = histogram.total();
  result["buckets"] = buckets;
  return result;
}

py::dict snapshot(uint64_t handle) {
  std::shared_ptr<ExecutionMetrics> metrics = metrics_of(handle);
  py::list codelets;
  for (const auto& codelet : metrics->codelets()) {
    py::dict record;
    record["entity"] = codelet->entity;
    record["name"] = codelet->name;
    record["type"] = codelet->type;
    record["eid"] = codelet->eid;
    record["cid"] = codelet->cid;
    record["ticks"] = codelet->entity_ticks->load(std::memory_order_relaxed) -
                      codelet->missed.load(std::memory_order_relaxed);
    record["tick_ns"] = histogram(codelet->tick_ns);
    if (codelet->gil) {
      record["gil_wait_ns"] = histogram(codelet->gil->wait_ns());
      record["gil_hold_ns"] = histogram(codelet->gil->hold_ns());
    } else {
      record["gil_wait_ns"] = py::none();
      record["gil_hold_ns"] = py::none();
    }
    codelets.append(record);
  }
  py::list edges;
  for (const auto& edge : metrics->edges()) {
    py::dict record;
    record["source"] = edge->source;
    record["target"] = edge->target;
    record["source_eid"] = edge->source_eid;
    record["target_eid"] = edge->target_eid;
    record["source_cid"] = edge->source_cid;
    record["target_cid"] = edge->target_cid;
    record["messages"] = edge->messages.load(std::memory_order_acquire);
    record["depth"] = edge->receiver->pending();
    record["capacity"] = edge->receiver->receiver->capacity();
    record["latency_ns"] = histogram(edge->receiver->latency_ns);
    edges.append(record);
  }
  py::dict result;
  result["time_ns"] = metrics_now_ns();
  result["start_ns"] = metrics->start_ns();
  result["sample_period"] = metrics->options().sample_period;
  result["codelets"] = codelets;
  result["edges"] = edges;
  return result;
}

py::tuple drain_trace(uint64_t handle) {
  std::shared_ptr<ExecutionMetrics> metrics = metrics_of(handle);
  if (!metrics->options().trace) {
    throw GxfException{Error(GXF_INVALID_EXECUTION_SEQUENCE,
                             "tracing is off: enable metrics with trace=True")};
  }
  uint64_t dropped = 0;
  std::vector<ExecutionMetrics::ThreadTrace> threads;
  {
    py::gil_scoped_release release;
    threads = metrics->drain_trace(&dropped);
  }
  py::list result;
  for (const auto& thread : threads) {
    py::list events;
    for (const auto& event : thread.events) {
      events.append(py::make_tuple(event.codelet, event.begin_ns, event.end_ns));
    }
    result.append(py::make_tuple(thread.tid, events));
  }
  return py::make_tuple(result, dropped);
}

}  // namespace

void bind_metrics(py::module_& m) {
  m.def("metrics_enable",
        [](uint64_t context, uint32_t sample_period, int64_t always_time_ns, bool trace,
           size_t trace_capacity) {
          MetricsOptions options;
          options.sample_period = sample_period;
          options.always_time_ns = always_time_ns;
          options.trace = trace;
          options.trace_capacity = trace_capacity;
          value_or_throw(ExecutionMetrics::attach(&executor_of(context, "metrics"), options));
        },
        py::arg("context"), py::arg("sample_period") = MetricsOptions().sample_period,
        py::arg("always_time_ns") = MetricsOptions().always_time_ns, py::arg("trace") = false,
        py::arg("trace_capacity") = MetricsOptions().trace_capacity,
        "Start collecting run-time metrics of the activated graph (until deactivation). "
        "Ticks are timed one in `sample_period`, or every one once a tick took at least "
        "`always_time_ns`; `trace` records every tick per thread.");
  m.def("metrics_snapshot", &snapshot, py::arg("context"),
        "Counters and histograms collected so far, as a dict.");
  m.def("metrics_drain_trace", &drain_trace, py::arg("context"),
        "Tick events since the last drain: ([(tid, [(codelet, begin_ns, end_ns)])], dropped).");
}

}  // namespace gxf
}  // namespace nvidia
