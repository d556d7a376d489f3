// SPDX-License-Identifier: Apache-2.0
#include <pybind11/pybind11.h>

#include "gxf/core/bindings/message_entity.hpp"
#include "gxf/std/block_memory_pool.hpp"
#include "gxf/std/unbounded_allocator.hpp"

namespace py = pybind11;

namespace nvidia {
namespace gxf {

void bind_allocator(py::module_& m) {
  py::class_<Allocator, std::unique_ptr<Allocator, py::nodelete>>(
      m, "Allocator", "Hands out memory of a storage type; passed to Tensor.reshape.")
      .def_static("get",
                  [](uint64_t context, int64_t cid, const std::string& name) {
                    return lookup_component<Allocator>(context, cid, name, "allocator");
                  },
                  py::return_value_policy::reference, py::arg("context"), py::arg("cid"),
                  py::arg("name"), "The allocator named `name` next to component `cid`.")
      .def("allocate",
           [](Allocator& self, uint64_t size, MemoryStorageType storage_type) {
             void* pointer = nullptr;
             throw_code(self.allocate(size, storage_type, &pointer));
             return reinterpret_cast<uintptr_t>(pointer);
           },
           py::arg("size"), py::arg("storage_type"), "Allocate `size` bytes; returns the address.")
      .def("free",
           [](Allocator& self, uintptr_t address) {
             throw_code(self.free(reinterpret_cast<void*>(address)));
           },
           py::arg("pointer"), "Give back memory from allocate().")
      .def("is_available", &Allocator::is_available, py::arg("size"),
           "Whether `size` bytes could be allocated now.")
      .def("block_size", &Allocator::block_size, "Smallest unit handed out (1 unless a pool).")
      .def("cid", &Allocator::cid, "Component id.")
      .def("name", &Allocator::name, "Component name.");
  py::class_<UnboundedAllocator, Allocator, std::unique_ptr<UnboundedAllocator, py::nodelete>>(
      m, "UnboundedAllocator", "Allocates every request anew, without limit.");
  py::class_<BlockMemoryPool, Allocator, std::unique_ptr<BlockMemoryPool, py::nodelete>>(
      m, "BlockMemoryPool", "A fixed pool of equal blocks of one storage type.")
      .def("num_blocks", &BlockMemoryPool::num_blocks, "Blocks in the pool.")
      .def("free_blocks", &BlockMemoryPool::free_blocks, "Blocks not handed out now.");
}

}  // namespace gxf
}  // namespace nvidia
