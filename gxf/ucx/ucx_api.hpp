// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <sys/socket.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace nvidia {
namespace gxf {
namespace ucx {

// The part of UCX's UCP API (ucp.h, ucs status codes) the UCX extension uses, declared here
// so nothing links UCX at build time: UcxApi loads libucp at run time, as CudaDriver loads
// libcuda. The layouts are UCP's public ABI (stable since UCX 1.10: structs grow only at the
// end, and callers say which fields they filled through field masks).

using ucs_status_t = int8_t;
constexpr ucs_status_t UCS_OK = 0;
constexpr ucs_status_t UCS_INPROGRESS = 1;
constexpr ucs_status_t UCS_ERR_IO_ERROR = -3;
constexpr ucs_status_t UCS_ERR_BUSY = -15;
constexpr ucs_status_t UCS_ERR_CANCELED = -16;
constexpr ucs_status_t UCS_ERR_NOT_CONNECTED = -24;
constexpr ucs_status_t UCS_ERR_CONNECTION_RESET = -25;
constexpr ucs_status_t UCS_ERR_LAST = -100;

using ucp_context_h = struct ucp_context*;
using ucp_worker_h = struct ucp_worker*;
using ucp_ep_h = struct ucp_ep*;
using ucp_listener_h = struct ucp_listener*;
using ucp_conn_request_h = struct ucp_conn_request*;
using ucp_config_t = struct ucp_config;
using ucp_datatype_t = uint64_t;

constexpr uint64_t kBit(int n) { return uint64_t{1} << n; }

// ucp_params_t
constexpr uint64_t UCP_PARAM_FIELD_FEATURES = kBit(0);
constexpr uint64_t UCP_PARAM_FIELD_MT_WORKERS_SHARED = kBit(5);
constexpr uint64_t UCP_PARAM_FIELD_NAME = kBit(8);
constexpr uint64_t UCP_FEATURE_AM = kBit(6);
constexpr uint64_t UCP_FEATURE_WAKEUP = kBit(4);
struct ucp_params_t {
  uint64_t field_mask;
  uint64_t features;
  size_t request_size;
  void (*request_init)(void*);
  void (*request_cleanup)(void*);
  uint64_t tag_sender_mask;
  int mt_workers_shared;
  size_t estimated_num_eps;
  size_t estimated_num_ppn;
  const char* name;
  size_t node_local_id;
};

// ucp_worker_params_t
constexpr uint64_t UCP_WORKER_PARAM_FIELD_THREAD_MODE = kBit(0);
enum ucs_thread_mode_t : int { UCS_THREAD_MODE_SINGLE, UCS_THREAD_MODE_SERIALIZED,
                               UCS_THREAD_MODE_MULTI };
struct ucp_worker_params_t {
  uint64_t field_mask;
  ucs_thread_mode_t thread_mode;
  unsigned long cpu_mask[1024 / (8 * sizeof(unsigned long))];
  unsigned events;
  void* user_data;
  int event_fd;
  uint64_t flags;
  const char* name;
  size_t am_alignment;
  uint64_t client_id;
};

struct ucs_sock_addr_t {
  const struct sockaddr* addr;
  socklen_t addrlen;
};

// ucp_ep_params_t
constexpr uint64_t UCP_EP_PARAM_FIELD_ERR_HANDLING_MODE = kBit(1);
constexpr uint64_t UCP_EP_PARAM_FIELD_ERR_HANDLER = kBit(2);
constexpr uint64_t UCP_EP_PARAM_FIELD_SOCK_ADDR = kBit(4);
constexpr uint64_t UCP_EP_PARAM_FIELD_FLAGS = kBit(5);
constexpr uint64_t UCP_EP_PARAM_FIELD_CONN_REQUEST = kBit(6);
constexpr uint64_t UCP_EP_PARAM_FIELD_LOCAL_SOCK_ADDR = kBit(8);
constexpr unsigned UCP_EP_PARAMS_FLAGS_CLIENT_SERVER = 1u;
enum ucp_err_handling_mode_t : int { UCP_ERR_HANDLING_MODE_NONE, UCP_ERR_HANDLING_MODE_PEER };
using ucp_err_handler_cb_t = void (*)(void* arg, ucp_ep_h ep, ucs_status_t status);
struct ucp_ep_params_t {
  uint64_t field_mask;
  const void* address;
  ucp_err_handling_mode_t err_mode;
  struct {
    ucp_err_handler_cb_t cb;
    void* arg;
  } err_handler;
  void* user_data;
  unsigned flags;
  ucs_sock_addr_t sockaddr;
  ucp_conn_request_h conn_request;
  const char* name;
  ucs_sock_addr_t local_sockaddr;
};

// ucp_listener_params_t
constexpr uint64_t UCP_LISTENER_PARAM_FIELD_SOCK_ADDR = kBit(0);
constexpr uint64_t UCP_LISTENER_PARAM_FIELD_CONN_HANDLER = kBit(2);
using ucp_listener_conn_callback_t = void (*)(ucp_conn_request_h request, void* arg);
struct ucp_listener_params_t {
  uint64_t field_mask;
  ucs_sock_addr_t sockaddr;
  struct {
    void (*cb)(ucp_ep_h, void*);
    void* arg;
  } accept_handler;
  struct {
    ucp_listener_conn_callback_t cb;
    void* arg;
  } conn_handler;
};

// Active messages
constexpr uint64_t UCP_AM_HANDLER_PARAM_FIELD_ID = kBit(0);
constexpr uint64_t UCP_AM_HANDLER_PARAM_FIELD_CB = kBit(2);
constexpr uint64_t UCP_AM_HANDLER_PARAM_FIELD_ARG = kBit(3);
constexpr uint64_t UCP_AM_RECV_ATTR_FLAG_DATA = kBit(16);
constexpr uint64_t UCP_AM_RECV_ATTR_FLAG_RNDV = kBit(17);
constexpr uint32_t UCP_AM_SEND_FLAG_RNDV = 1u << 2;
struct ucp_am_recv_param_t {
  uint64_t recv_attr;
  ucp_ep_h reply_ep;
};
using ucp_am_recv_callback_t = ucs_status_t (*)(void* arg, const void* header,
                                                size_t header_length, void* data, size_t length,
                                                const ucp_am_recv_param_t* param);
struct ucp_am_handler_param_t {
  uint64_t field_mask;
  unsigned id;
  uint32_t flags;
  ucp_am_recv_callback_t cb;
  void* arg;
};

// Requests
constexpr uint32_t UCP_OP_ATTR_FIELD_CALLBACK = 1u << 1;
constexpr uint32_t UCP_OP_ATTR_FIELD_USER_DATA = 1u << 2;
constexpr uint32_t UCP_OP_ATTR_FIELD_DATATYPE = 1u << 3;
constexpr uint32_t UCP_OP_ATTR_FIELD_FLAGS = 1u << 4;
constexpr uint32_t UCP_OP_ATTR_FIELD_MEMORY_TYPE = 1u << 6;
constexpr uint32_t UCP_EP_CLOSE_FLAG_FORCE = 1u;
constexpr ucp_datatype_t UCP_DATATYPE_IOV = 2;
constexpr ucp_datatype_t ucp_dt_make_contig(size_t element_size) {
  return (static_cast<ucp_datatype_t>(element_size) << 3) | 0;
}
enum ucs_memory_type_t : int { UCS_MEMORY_TYPE_HOST = 0, UCS_MEMORY_TYPE_CUDA = 1 };
using ucp_send_nbx_callback_t = void (*)(void* request, ucs_status_t status, void* user_data);
using ucp_am_recv_data_nbx_callback_t = void (*)(void* request, ucs_status_t status,
                                                 size_t length, void* user_data);
struct ucp_request_param_t {
  uint32_t op_attr_mask;
  uint32_t flags;
  void* request;
  union {
    ucp_send_nbx_callback_t send;
    ucp_am_recv_data_nbx_callback_t recv_am;
  } cb;
  ucp_datatype_t datatype;
  void* user_data;
  void* reply_buffer;
  ucs_memory_type_t memory_type;
  void* recv_info;
  void* memh;
  // Later fields (remote datatype and buffers) are read only when their flags are set.
  uint64_t reserved[4];
};
// ucp_context_query: only the fields asked for are written (field_mask).
constexpr uint64_t UCP_ATTR_FIELD_MEMORY_TYPES = 1u << 2;
struct ucp_context_attr_t {
  uint64_t field_mask;
  size_t request_size;
  int thread_mode;
  uint64_t memory_types;  // bit i: ucs_memory_type_t i is supported
  char name[32];
  uint64_t reserved[8];   // fields of later versions
};
struct ucp_dt_iov_t {
  void* buffer;
  size_t length;
};

inline bool ucs_ptr_is_err(const void* pointer) {
  return reinterpret_cast<uintptr_t>(pointer) >= static_cast<uintptr_t>(UCS_ERR_LAST);
}
inline ucs_status_t ucs_ptr_status(const void* pointer) {
  return static_cast<ucs_status_t>(reinterpret_cast<intptr_t>(pointer));
}

// UCP, loaded the first time something asks for it: the libucx wheel's copy next to this
// package (the `ucx` extra: pip install libucx-cu12), else the file GXF_UCX_LIBRARY names,
// else a system libucp.so.0.
class UcxApi {
 public:
  // The loaded API, or null with why_unavailable() saying why.
  static const UcxApi* get();
  static const std::string& why_unavailable();

  ucs_status_t (*init_version)(unsigned api_major, unsigned api_minor, const ucp_params_t*,
                               const ucp_config_t*, ucp_context_h*);
  void (*cleanup)(ucp_context_h);
  void (*get_version)(unsigned*, unsigned*, unsigned*);
  ucs_status_t (*worker_create)(ucp_context_h, const ucp_worker_params_t*, ucp_worker_h*);
  void (*worker_destroy)(ucp_worker_h);
  unsigned (*worker_progress)(ucp_worker_h);
  ucs_status_t (*worker_wait)(ucp_worker_h);
  ucs_status_t (*worker_arm)(ucp_worker_h);
  ucs_status_t (*worker_get_efd)(ucp_worker_h, int*);
  ucs_status_t (*worker_signal)(ucp_worker_h);
  ucs_status_t (*worker_set_am_recv_handler)(ucp_worker_h, const ucp_am_handler_param_t*);
  ucs_status_t (*listener_create)(ucp_worker_h, const ucp_listener_params_t*, ucp_listener_h*);
  void (*listener_destroy)(ucp_listener_h);
  ucs_status_t (*listener_reject)(ucp_listener_h, ucp_conn_request_h);
  ucs_status_t (*ep_create)(ucp_worker_h, const ucp_ep_params_t*, ucp_ep_h*);
  void* (*ep_close_nbx)(ucp_ep_h, const ucp_request_param_t*);
  void* (*ep_flush_nbx)(ucp_ep_h, const ucp_request_param_t*);
  void* (*am_send_nbx)(ucp_ep_h, unsigned id, const void* header, size_t header_length,
                       const void* buffer, size_t count, const ucp_request_param_t*);
  void* (*am_recv_data_nbx)(ucp_worker_h, void* data_desc, void* buffer, size_t count,
                            const ucp_request_param_t*);
  void (*am_data_release)(ucp_worker_h, void* data);
  ucs_status_t (*request_check_status)(void* request);
  void (*request_free)(void* request);
  void (*request_cancel)(ucp_worker_h, void* request);
  const char* (*status_string)(ucs_status_t);
  ucs_status_t (*context_query)(ucp_context_h, ucp_context_attr_t*);

  std::string library;  // the file loaded
  unsigned version[3] = {0, 0, 0};

 private:
  UcxApi() = default;
};

}  // namespace ucx
}  // namespace gxf
}  // namespace nvidia
