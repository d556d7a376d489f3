// SPDX-License-Identifier: Apache-2.0
// The UCX extension's registration table (GXF's type ids).
#include "gxf/core/extension.hpp"
#include "gxf/ucx/ucx_component_serializer.hpp"
#include "gxf/ucx/ucx_context.hpp"
#include "gxf/ucx/ucx_entity_serializer.hpp"
#include "gxf/ucx/ucx_receiver.hpp"
#include "gxf/ucx/ucx_serialization_buffer.hpp"
#include "gxf/ucx/ucx_transmitter.hpp"

namespace nvidia {
namespace gxf {

namespace {

void ucx_extension_factory(Extension& ext) {
  ext.set_info({0x525f8a1adfb5426b, 0x8ddb00c3ac839994}, "UcxExtension",
               "Graphs across processes over UCX, wire-compatible with GXF's", "NVIDIA-compatible",
               "0.10.0", "Apache-2.0");
  ext.add<UcxSerializationBuffer, Endpoint>("nvidia::gxf::UcxSerializationBuffer",
                                            {0x1d9fcaf71db14992, 0x93ec714979f7d78d});
  ext.add<UcxComponentSerializer, ComponentSerializer>("nvidia::gxf::UcxComponentSerializer",
                                                       {0x6499430542604f5c, 0xac5f69da6dd6cfa5});
  ext.add<UcxEntitySerializer, EntitySerializer>("nvidia::gxf::UcxEntitySerializer",
                                                 {0x14997aa44a014cd4, 0x86ab687f85a13f10});
  ext.add<UcxReceiver, Receiver>("nvidia::gxf::UcxReceiver",
                                 {0xe961132b45d548b8, 0xac5d2bb1a4a42279});
  ext.add<UcxTransmitter, Transmitter>("nvidia::gxf::UcxTransmitter",
                                       {0x58165d0378b74696, 0xb20071621f90aee7});
  ext.add<UcxContext, Component>("nvidia::gxf::UcxContext",
                                 {0x755d20a5d794467d, 0xa86c290eb2c32052});
}

}  // namespace

}  // namespace gxf
}  // namespace nvidia

// The entry point the manifest loader looks up in libgxf_ucx.so.
GXF_EXTENSION_FACTORY(extension) { nvidia::gxf::ucx_extension_factory(extension); }
