// SPDX-License-Identifier: Apache-2.0
#include "extensions/test/tensor_comparator.hpp"

#include <cstring>

#include "gxf/std/storage.hpp"
#include "gxf/std/tensor.hpp"
#include "gxf/std/timestamp.hpp"

namespace nvidia {
namespace gxf {
namespace test {

namespace {

// The tensor's bytes in host memory (copied from the device if needed).
gxf_result_t read_bytes(const Tensor& tensor, StagingBuffer* bytes) {
  void* data = bytes->reserve(tensor.size());
  if (!data) return GXF_OUT_OF_MEMORY;
  return copy_storage(data, MemoryStorageType::kHost, tensor.pointer(), tensor.storage_type(),
                      tensor.size());
}

}  // namespace

gxf_result_t TensorComparator::register_interface(Registrar* registrar) {
  registrar->parameter(expected_, "expected", "Expected", "Receiver of the reference messages");
  registrar->parameter(actual_, "actual", "Actual", "Receiver of the messages under test");
  registrar->parameter(compare_timestamp_, "compare_timestamp", "Compare timestamp",
                       "Timestamps components comparison: PubtimeOnly, AcqtimeOnly, "
                       "PubtimeAndAcqtime, None",
                       std::string("PubtimeAndAcqtime"));
  return GXF_SUCCESS;
}

gxf_result_t TensorComparator::initialize() {
  const std::string& mode = compare_timestamp_.get();
  if (mode != "PubtimeAndAcqtime" && mode != "PubtimeOnly" && mode != "AcqtimeOnly" &&
      mode != "None") {
    return fail(GXF_PARAMETER_OUT_OF_RANGE, "unknown compare_timestamp '%s'", mode.c_str());
  }
  compare_pubtime_ = mode == "PubtimeAndAcqtime" || mode == "PubtimeOnly";
  compare_acqtime_ = mode == "PubtimeAndAcqtime" || mode == "AcqtimeOnly";
  return GXF_SUCCESS;
}

gxf_result_t TensorComparator::tick() {
  EntityRef expected = expected_->receive();
  EntityRef actual = actual_->receive();
  if (!expected || !actual) return GXF_CONTRACT_MESSAGE_NOT_AVAILABLE;
  if (compare_timestamp_.get() != "None") {
    gxf_result_t code = compare_timestamps(expected.get(), actual.get());
    if (code != GXF_SUCCESS) return code;
  }
  return compare_tensors(expected.get(), actual.get());
}

gxf_result_t TensorComparator::compare_timestamps(Entity* expected, Entity* actual) {
  auto expected_times = expected->find_all<Timestamp>();
  auto actual_times = actual->find_all<Timestamp>();
  if (expected_times.size() != actual_times.size()) {
    return fail(GXF_FAILURE, "%zu timestamps expected, %zu received", expected_times.size(),
                actual_times.size());
  }
  for (size_t i = 0; i < expected_times.size(); ++i) {
    const Timestamp* want = expected_times[i];
    const Timestamp* got = actual_times[i];
    if (want->name() != got->name() || (compare_pubtime_ && want->pubtime != got->pubtime) ||
        (compare_acqtime_ && want->acqtime != got->acqtime)) {
      return fail(GXF_FAILURE, "timestamp '%s' differs", want->name().c_str());
    }
  }
  return GXF_SUCCESS;
}

gxf_result_t TensorComparator::compare_tensors(Entity* expected, Entity* actual) {
  auto expected_tensors = expected->find_all<Tensor>();
  auto actual_tensors = actual->find_all<Tensor>();
  if (expected_tensors.size() != actual_tensors.size()) {
    return fail(GXF_FAILURE, "%zu tensors expected, %zu received", expected_tensors.size(),
                actual_tensors.size());
  }
  for (size_t i = 0; i < expected_tensors.size(); ++i) {
    const Tensor& want = *expected_tensors[i];
    const Tensor& got = *actual_tensors[i];
    const bool same_layout = want.name() == got.name() &&
                             want.storage_type() == got.storage_type() &&
                             want.element_type() == got.element_type() &&
                             want.bytes_per_element() == got.bytes_per_element() &&
                             want.shape() == got.shape() && want.size() == got.size();
    if (!same_layout) {
      return fail(GXF_FAILURE, "tensor '%s' differs in name, type, storage or shape",
                  want.name().c_str());
    }
    gxf_result_t code = read_bytes(want, &expected_bytes_);
    if (code == GXF_SUCCESS) code = read_bytes(got, &actual_bytes_);
    if (code != GXF_SUCCESS) return code;
    if (std::memcmp(expected_bytes_.data(), actual_bytes_.data(), want.size()) != 0) {
      return fail(GXF_FAILURE, "tensor '%s' holds different data", want.name().c_str());
    }
  }
  return GXF_SUCCESS;
}

}  // namespace test
}  // namespace gxf
}  // namespace nvidia
