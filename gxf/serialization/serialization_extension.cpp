// SPDX-License-Identifier: Apache-2.0
// The serialization extension's registration table (GXF's type ids, so recordings and
// graphs name the same types).
#include "gxf/core/extension.hpp"
#include "gxf/serialization/entity_recorder.hpp"
#include "gxf/serialization/entity_replayer.hpp"
#include "gxf/serialization/file.hpp"
#include "gxf/serialization/serialization_buffer.hpp"
#include "gxf/serialization/std_component_serializer.hpp"
#include "gxf/serialization/std_entity_serializer.hpp"

namespace nvidia {
namespace gxf {

namespace {

void serialization_extension_factory(Extension& ext) {
  ext.set_info({0xbc573c2f89b3d4b0, 0x80612da8b11fe79a}, "SerializationExtension",
               "Extension for serializing messages", "NVIDIA-compatible", "2.8.0", "Apache-2.0");
  ext.add<Endpoint, Component>("nvidia::gxf::Endpoint", {0x801449dd1657513f, 0xa3f8f648047583d0});
  ext.add<SerializationBuffer, Endpoint>("nvidia::gxf::SerializationBuffer",
                                         {0xcb253dcecce62ff4, 0x84ef3cf1db6e24a3});
  ext.add<File, Endpoint>("nvidia::gxf::File", {0xc132f22c1ed16c0f, 0xed53c63bf9b28354});
  ext.add<ComponentSerializer, Component>("nvidia::gxf::ComponentSerializer",
                                          {0x8c76a82821771484, 0xf841d39c3fa47613});
  ext.add<StdComponentSerializer, ComponentSerializer>("nvidia::gxf::StdComponentSerializer",
                                                       {0xc0e6b36c39ac50ac, 0xce8d702e18d8bff7});
  ext.add<EntitySerializer, Component>("nvidia::gxf::EntitySerializer",
                                       {0xfd7892f70464e591, 0xdef388d77c8dde70});
  ext.add<StdEntitySerializer, EntitySerializer>("nvidia::gxf::StdEntitySerializer",
                                                 {0xbe82d2fa52f53687, 0x84d3e4999125a09b});
  ext.add<EntityRecorder, Codelet>("nvidia::gxf::EntityRecorder",
                                   {0x9d5955c78fda22c7, 0xf18fea5e2d195be9});
  ext.add<EntityReplayer, Codelet>("nvidia::gxf::EntityReplayer",
                                   {0xfe827c12d360c63c, 0x809432b9244d83b6});
}

}  // namespace

}  // namespace gxf
}  // namespace nvidia

// The entry point the manifest loader looks up in libgxf_serialization.so.
GXF_EXTENSION_FACTORY(extension) { nvidia::gxf::serialization_extension_factory(extension); }
