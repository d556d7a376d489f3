// SPDX-License-Identifier: Apache-2.0
#include "gxf/ucx/ucx_api.hpp"

#include <dlfcn.h>

#include <cstdlib>
#include <mutex>
#include <vector>

namespace nvidia {
namespace gxf {
namespace ucx {

namespace {

std::string& failure_reason() {
  static std::string reason;
  return reason;
}

// Where this library lives (site-packages/gxf/ucx), to find the libucx wheel beside it.
std::string own_directory() {
  Dl_info info;
  if (dladdr(reinterpret_cast<void*>(&own_directory), &info) == 0 || !info.dli_fname) return {};
  std::string path = info.dli_fname;
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

std::vector<std::string> candidates() {
  std::vector<std::string> found;
  if (const char* named = std::getenv("GXF_UCX_LIBRARY")) {
    if (*named) found.emplace_back(named);
  }
  const std::string here = own_directory();
  if (!here.empty()) found.push_back(here + "/../../libucx/lib/libucp.so.0");
  found.emplace_back("libucp.so.0");
  return found;
}

template <typename F>
bool bind(void* library, const char* name, F* function, std::string* missing) {
  *function = reinterpret_cast<F>(dlsym(library, name));
  if (*function == nullptr && missing->empty()) *missing = name;
  return *function != nullptr;
}

}  // namespace

const std::string& UcxApi::why_unavailable() { return failure_reason(); }

const UcxApi* UcxApi::get() {
  static std::once_flag once;
  static UcxApi* api = nullptr;
  std::call_once(once, [] {
    void* library = nullptr;
    std::string tried, chosen;
    for (const std::string& path : candidates()) {
      library = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (library) {
        chosen = path;
        break;
      }
      tried += (tried.empty() ? "" : ", ") + path + " (" + dlerror() + ")";
    }
    if (!library) {
      failure_reason() = "UCX is not available: install the 'ucx' extra (pip install "
                         "libucx-cu12) or set GXF_UCX_LIBRARY to a libucp.so.0; tried " + tried;
      return;
    }
    auto* loaded = new UcxApi();
    std::string missing;
    bind(library, "ucp_init_version", &loaded->init_version, &missing);
    bind(library, "ucp_cleanup", &loaded->cleanup, &missing);
    bind(library, "ucp_get_version", &loaded->get_version, &missing);
    bind(library, "ucp_worker_create", &loaded->worker_create, &missing);
    bind(library, "ucp_worker_destroy", &loaded->worker_destroy, &missing);
    bind(library, "ucp_worker_progress", &loaded->worker_progress, &missing);
    bind(library, "ucp_worker_wait", &loaded->worker_wait, &missing);
    bind(library, "ucp_worker_arm", &loaded->worker_arm, &missing);
    bind(library, "ucp_worker_get_efd", &loaded->worker_get_efd, &missing);
    bind(library, "ucp_worker_signal", &loaded->worker_signal, &missing);
    bind(library, "ucp_worker_set_am_recv_handler", &loaded->worker_set_am_recv_handler,
         &missing);
    bind(library, "ucp_listener_create", &loaded->listener_create, &missing);
    bind(library, "ucp_listener_destroy", &loaded->listener_destroy, &missing);
    bind(library, "ucp_listener_reject", &loaded->listener_reject, &missing);
    bind(library, "ucp_ep_create", &loaded->ep_create, &missing);
    bind(library, "ucp_ep_close_nbx", &loaded->ep_close_nbx, &missing);
    bind(library, "ucp_ep_flush_nbx", &loaded->ep_flush_nbx, &missing);
    bind(library, "ucp_am_send_nbx", &loaded->am_send_nbx, &missing);
    bind(library, "ucp_am_recv_data_nbx", &loaded->am_recv_data_nbx, &missing);
    bind(library, "ucp_am_data_release", &loaded->am_data_release, &missing);
    bind(library, "ucp_request_check_status", &loaded->request_check_status, &missing);
    bind(library, "ucp_request_free", &loaded->request_free, &missing);
    bind(library, "ucp_request_cancel", &loaded->request_cancel, &missing);
    bind(library, "ucs_status_string", &loaded->status_string, &missing);
    bind(library, "ucp_context_query", &loaded->context_query, &missing);
    if (!missing.empty()) {
      failure_reason() = "UCX library '" + chosen + "' lacks " + missing +
                         " (UCX 1.12 or newer is needed)";
      delete loaded;
      return;
    }
    loaded->library = chosen;
    loaded->get_version(&loaded->version[0], &loaded->version[1], &loaded->version[2]);
    api = loaded;  // kept for the process's lifetime, as the library is
  });
  return api;
}

}  // namespace ucx
}  // namespace gxf
}  // namespace nvidia
