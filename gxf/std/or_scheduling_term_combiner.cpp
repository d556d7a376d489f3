// SPDX-License-Identifier: Apache-2.0
#include "gxf/std/or_scheduling_term_combiner.hpp"

namespace nvidia {
namespace gxf {

gxf_result_t OrSchedulingTermCombiner::register_interface(Registrar* registrar) {
  registrar->parameter(terms_, "terms", "Scheduling terms", "Terms combined with OR");
  return GXF_SUCCESS;
}

gxf_result_t OrSchedulingTermCombiner::initialize() {
  if (terms_.get().size() > kMaxTerms) {
    return fail(GXF_ARGUMENT_OUT_OF_RANGE, "at most %zu terms, got %zu", kMaxTerms,
                terms_.get().size());
  }
  return GXF_SUCCESS;
}

std::vector<SchedulingTerm*> OrSchedulingTermCombiner::terms() const {
  std::vector<SchedulingTerm*> result;
  if (!terms_.is_set()) return result;
  for (const auto& term : terms_.get()) result.push_back(term.get());
  return result;
}

gxf_result_t OrSchedulingTermCombiner::check(int64_t now, SchedulingCondition* condition) {
  const auto& terms = terms_.get();
  SchedulingCondition combined{SchedulingConditionType::kReady, now};
  for (size_t i = 0; i < terms.size(); ++i) {
    gxf_result_t code = terms[i]->update_state(now);
    if (code != GXF_SUCCESS) return code;
    SchedulingCondition single;
    code = terms[i]->check(now, &single);
    if (code != GXF_SUCCESS) return code;
    combined = i == 0 ? single : or_combine(combined, single);
  }
  *condition = combined;
  return GXF_SUCCESS;
}

}  // namespace gxf
}  // namespace nvidia
