// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

// Result codes keep GXF's names because users (and GXF's own tests) compare them as strings.
#define GXF_RESULT_LIST(X)                                     \
  X(GXF_SUCCESS)                                               \
  X(GXF_FAILURE)                                               \
  X(GXF_NOT_IMPLEMENTED)                                       \
  X(GXF_FILE_NOT_FOUND)                                        \
  X(GXF_INVALID_ENUM)                                          \
  X(GXF_NULL_POINTER)                                          \
  X(GXF_UNINITIALIZED_VALUE)                                   \
  X(GXF_ARGUMENT_NULL)                                         \
  X(GXF_ARGUMENT_OUT_OF_RANGE)                                 \
  X(GXF_ARGUMENT_INVALID)                                      \
  X(GXF_OUT_OF_MEMORY)                                         \
  X(GXF_MEMORY_INVALID_STORAGE_MODE)                           \
  X(GXF_CONTEXT_INVALID)                                       \
  X(GXF_EXTENSION_NOT_FOUND)                                   \
  X(GXF_EXTENSION_FILE_NOT_FOUND)                              \
  X(GXF_EXTENSION_NO_FACTORY)                                  \
  X(GXF_FACTORY_TOO_MANY_COMPONENTS)                           \
  X(GXF_FACTORY_DUPLICATE_TID)                                 \
  X(GXF_FACTORY_UNKNOWN_TID)                                   \
  X(GXF_FACTORY_ABSTRACT_CLASS)                                \
  X(GXF_FACTORY_UNKNOWN_CLASS_NAME)                            \
  X(GXF_FACTORY_INVALID_INFO)                                  \
  X(GXF_FACTORY_INCOMPATIBLE)                                  \
  X(GXF_ENTITY_NOT_FOUND)                                      \
  X(GXF_ENTITY_NAME_EXCEEDS_LIMIT)                             \
  X(GXF_ENTITY_COMPONENT_NOT_FOUND)                            \
  X(GXF_ENTITY_COMPONENT_NAME_EXCEEDS_LIMIT)                   \
  X(GXF_ENTITY_CAN_NOT_ADD_COMPONENT_AFTER_INITIALIZATION)     \
  X(GXF_ENTITY_CAN_NOT_REMOVE_COMPONENT_AFTER_INITIALIZATION)  \
  X(GXF_ENTITY_MAX_COMPONENTS_LIMIT_EXCEEDED)                  \
  X(GXF_PARAMETER_NOT_FOUND)                                   \
  X(GXF_PARAMETER_ALREADY_REGISTERED)                          \
  X(GXF_PARAMETER_INVALID_TYPE)                                \
  X(GXF_PARAMETER_OUT_OF_RANGE)                                \
  X(GXF_PARAMETER_NOT_INITIALIZED)                             \
  X(GXF_PARAMETER_CAN_NOT_MODIFY_CONSTANT)                     \
  X(GXF_PARAMETER_PARSER_ERROR)                                \
  X(GXF_PARAMETER_NOT_NUMERIC)                                 \
  X(GXF_PARAMETER_MANDATORY_NOT_SET)                           \
  X(GXF_CONTRACT_INVALID_SEQUENCE)                             \
  X(GXF_CONTRACT_PARAMETER_NOT_SET)                            \
  X(GXF_CONTRACT_MESSAGE_NOT_AVAILABLE)                        \
  X(GXF_INVALID_LIFECYCLE_STAGE)                               \
  X(GXF_INVALID_EXECUTION_SEQUENCE)                            \
  X(GXF_REF_COUNT_NEGATIVE)                                    \
  X(GXF_RESULT_ARRAY_TOO_SMALL)                                \
  X(GXF_INVALID_DATA_FORMAT)                                   \
  X(GXF_EXCEEDING_PREALLOCATED_SIZE)                           \
  X(GXF_QUERY_NOT_ENOUGH_CAPACITY)                             \
  X(GXF_QUERY_NOT_APPLICABLE)                                  \
  X(GXF_QUERY_NOT_FOUND)                                       \
  X(GXF_NOT_FINISHED)                                          \
  X(GXF_ENTITY_GROUP_NOT_FOUND)                                \
  X(GXF_RESOURCE_NOT_INITIALIZED)                              \
  X(GXF_RESOURCE_NOT_FOUND)                                    \
  X(GXF_CONNECTION_BROKEN)

typedef enum {
#define GXF_RESULT_ENUM_ENTRY(name) name,
  GXF_RESULT_LIST(GXF_RESULT_ENUM_ENTRY)
#undef GXF_RESULT_ENUM_ENTRY
} gxf_result_t;

namespace nvidia {
namespace gxf {

// Name of a result code, e.g. "GXF_ENTITY_NOT_FOUND".
const char* result_str(gxf_result_t result);

using gxf_uid_t = int64_t;
constexpr gxf_uid_t kNullUid = 0;

struct gxf_tid_t {
  uint64_t hash1 = 0;
  uint64_t hash2 = 0;
  bool operator==(const gxf_tid_t& other) const {
    return hash1 == other.hash1 && hash2 == other.hash2;
  }
  bool is_null() const { return hash1 == 0 && hash2 == 0; }
};

}  // namespace gxf
}  // namespace nvidia
