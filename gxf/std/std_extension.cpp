// SPDX-License-Identifier: Apache-2.0
// The standard extension's registration table, nothing else.
#include "gxf/core/context.hpp"
#include "gxf/core/extension.hpp"
#include "gxf/std/allocator.hpp"
#include "gxf/std/async_buffer_receiver.hpp"
#include "gxf/std/async_buffer_transmitter.hpp"
#include "gxf/std/asynchronous_scheduling_term.hpp"
#include "gxf/std/block_memory_pool.hpp"
#include "gxf/std/broadcast.hpp"
#include "gxf/std/bt_scheduling_term.hpp"
#include "gxf/std/clocks.hpp"
#include "gxf/std/connection.hpp"
#include "gxf/std/cpu_thread.hpp"
#include "gxf/std/double_buffer_receiver.hpp"
#include "gxf/std/double_buffer_transmitter.hpp"
#include "gxf/std/end_of_stream.hpp"
#include "gxf/std/epoch_scheduler.hpp"
#include "gxf/std/event_based_scheduler.hpp"
#include "gxf/std/expiring_message_available_scheduling_term.hpp"
#include "gxf/std/forward.hpp"
#include "gxf/std/gather.hpp"
#include "gxf/std/greedy_scheduler.hpp"
#include "gxf/std/job_statistics.hpp"
#include "gxf/std/memory_available_scheduling_term.hpp"
#include "gxf/std/message_available_frequency_throttler.hpp"
#include "gxf/std/metric.hpp"
#include "gxf/std/monitor.hpp"
#include "gxf/std/multi_thread_scheduler.hpp"
#include "gxf/std/or_scheduling_term_combiner.hpp"
#include "gxf/std/program.hpp"
#include "gxf/std/resources.hpp"
#include "gxf/std/scheduling_terms.hpp"
#include "gxf/std/subgraph.hpp"
#include "gxf/std/synchronization.hpp"
#include "gxf/std/timed_throttler.hpp"
#include "gxf/std/tensor.hpp"
#include "gxf/std/tensor_copier.hpp"
#include "gxf/std/timestamp.hpp"
#include "gxf/std/topic.hpp"
#include "gxf/std/unbounded_allocator.hpp"
#include "gxf/std/vault.hpp"

namespace nvidia {
namespace gxf {

namespace {

void std_extension_factory(Extension& ext) {
  ext.set_info({0x8ec2d5d6b5df48bf, 0x8dee0252606fdd7e}, "StandardExtension",
               "Most commonly used interfaces and components", "NVIDIA-compatible", "2.6.0",
               "Apache-2.0");
  ext.on_load([](Context& context) {
    context.install_runtime(std::make_unique<Program>(&context));
    return Result();
  });
  ext.add_root<Component>("nvidia::gxf::Component", {0x75bf23d5199843b7, 0xbaaf16853d783bd1});
  ext.add<Codelet, Component>("nvidia::gxf::Codelet", {0x5c6166fa6eed41e7, 0xbbf0bd48cd6e1014});
  ext.add<Clock, Component>("nvidia::gxf::Clock", {0x779e61c2ae70441d, 0xa26c8ca64b39f8e7});
  ext.add<RealtimeClock, Clock>("nvidia::gxf::RealtimeClock",
                                {0x7b170b7bcf1a4f3f, 0x997cbfea25342381});
  ext.add<ManualClock, Clock>("nvidia::gxf::ManualClock", {0x52fa1f97eba8472a, 0xa8ca4cff1a2c440f});
  ext.add<System, Component>("nvidia::gxf::System", {0xd1febca180df454e, 0xa3f2715f2b3c6e69});
  ext.add<Queue, Component>("nvidia::gxf::Queue", {0x792151bf31384603, 0xa9125ca91828dea8});
  ext.add<Transmitter, Queue>("nvidia::gxf::Transmitter", {0xc30cc60f0db2409d, 0x92b6b2db92e02cce});
  ext.add<Receiver, Queue>("nvidia::gxf::Receiver", {0xa47d2f62245f40fc, 0x90b75dc78ff2437e});
  ext.add<DoubleBufferTransmitter, Transmitter>("nvidia::gxf::DoubleBufferTransmitter",
                                                {0x0c3c0ec777f14389, 0xaef16bae85bddc13});
  ext.add<DoubleBufferReceiver, Receiver>("nvidia::gxf::DoubleBufferReceiver",
                                          {0xee45883dbf844f99, 0x84197c5e9deac6a5});
  ext.add<AsyncBufferTransmitter, Transmitter>("nvidia::gxf::AsyncBufferTransmitter",
                                               {0x784f5837ffc94605, 0x86ffc448875673e4});
  ext.add<AsyncBufferReceiver, Receiver>("nvidia::gxf::AsyncBufferReceiver",
                                         {0xf518ff98c3604223, 0xb93f5d485d7eb17c});
  ext.add<Connection, Component>("nvidia::gxf::Connection", {0xcc71afae5ede47e9, 0xb26760a5c750a89a});
  ext.add<Topic, Component>("nvidia::gxf::Topic",
                            {0x705294948bca49ef, 0x51bf44b08ecf460b});
  ext.add<Scheduler, System>("nvidia::gxf::Scheduler", {0xf0103b75d2e14d70, 0x9b133fe5b40209be});
  ext.add<GreedyScheduler, Scheduler>("nvidia::gxf::GreedyScheduler",
                                      {0x869d30caa4434619, 0xb9887a52e657f39b});
  ext.add<EpochScheduler, Scheduler>("nvidia::gxf::EpochScheduler",
                                     {0x3d175ab42e0d11ec, 0x8d3d0242ac130003});
  ext.add<SchedulingTerm, Component>("nvidia::gxf::SchedulingTerm",
                                     {0x184d8e4e086c475a, 0x903a69d723f95d19});
  ext.add<SchedulingTermCombiner, Component>("nvidia::gxf::SchedulingTermCombiner",
                                             {0x4c3f39b042ed11ef, 0xa7d5dbe22043a6f1});
  ext.add<PeriodicSchedulingTerm, SchedulingTerm>("nvidia::gxf::PeriodicSchedulingTerm",
                                                  {0xd392c98a9b0849b4, 0xa422d5fe6cd72e3e});
  ext.add<CountSchedulingTerm, SchedulingTerm>("nvidia::gxf::CountSchedulingTerm",
                                               {0xf89da2e4fddf4aa2, 0x9a801119ba3fde05});
  ext.add<TargetTimeSchedulingTerm, SchedulingTerm>("nvidia::gxf::TargetTimeSchedulingTerm",
                                                    {0xe4aaf5c32b104c9a, 0xc463ebf6084149bf});
  ext.add<DownstreamReceptiveSchedulingTerm, SchedulingTerm>(
      "nvidia::gxf::DownstreamReceptiveSchedulingTerm", {0x9de751198d0f4819, 0x9a712aeaefd23f71});
  ext.add<MessageAvailableSchedulingTerm, SchedulingTerm>(
      "nvidia::gxf::MessageAvailableSchedulingTerm", {0xfe799e65f78b48eb, 0xbeb6e73083a12d5b});
  ext.add<MultiMessageAvailableSchedulingTerm, SchedulingTerm>(
      "nvidia::gxf::MultiMessageAvailableSchedulingTerm", {0xf15dbeaaafd647a6, 0x9ffc7afd7e1b4c52});
  ext.add<ExpiringMessageAvailableSchedulingTerm, SchedulingTerm>(
      "nvidia::gxf::ExpiringMessageAvailableSchedulingTerm",
      {0xeb22280c76ff11eb, 0xb341cf6b417c95c9});
  ext.add<BooleanSchedulingTerm, SchedulingTerm>("nvidia::gxf::BooleanSchedulingTerm",
                                                 {0xe07a0dc439084df8, 0x81347ce38e60fbef});
  ext.add<Allocator, Component>("nvidia::gxf::Allocator", {0x3cdd82d023264867, 0x8de2d565dbe28e03});
  ext.add<UnboundedAllocator, Allocator>("nvidia::gxf::UnboundedAllocator",
                                         {0xc3951b16a01c539f, 0xd87e1dc18d911ea0});
  ext.add<BlockMemoryPool, Allocator>("nvidia::gxf::BlockMemoryPool",
                                      {0x92b627a35dd34c3c, 0x976c4700e8a3b96a});
  ext.add<Tensor, Component>("nvidia::gxf::Tensor", {0x377501d69abf447c, 0xa6170114d4f33ab8});
  ext.add<TensorCopier, Codelet>("nvidia::gxf::TensorCopier",
                                 {0xc07680f475b3189b, 0x88864b5e448e7bb6});
  ext.add<Timestamp, Component>("nvidia::gxf::Timestamp", {0xd1095b105c904bbc, 0xbc89601134cb4e03});
  ext.add<EndOfStream, Component>("nvidia::gxf::EndOfStream",
                                  {0x8c42f7bf70414626, 0x97929eb20ce33cce},
                                  "A component which represents end-of-stream notification");
  ext.add<JobStatistics, Component>("nvidia::gxf::JobStatistics",
                                    {0x2093b91a7c8211eb, 0xa92b3f1304ecc959});
  ext.add<Monitor, Component>("nvidia::gxf::Monitor", {0x9ccf9421b35b8c79, 0xe1f097dc23bd38ea});
  ext.add<Metric, Component>("nvidia::gxf::Metric", {0xf7cef8035beb46f1, 0x186a05d3919842ac});
  ext.add<TimedThrottler, Codelet>("nvidia::gxf::TimedThrottler",
                                   {0xccf7729cf62c4250, 0x5cf7f4f3ec80454b});
  ext.add<Vault, Codelet>("nvidia::gxf::Vault", {0x1108cb8d85e44303, 0xba02d27406ee9e65});
  ext.add<Broadcast, Codelet>("nvidia::gxf::Broadcast", {0x3daadb310bca47e5, 0x9924342b9984a014});
  ext.add<Gather, Codelet>("nvidia::gxf::Gather", {0x85f64c8482364035, 0x9b9a3843a6a2026f});
  ext.add<Forward, Codelet>("nvidia::gxf::Forward", {0x97cee5438fb54541, 0x8ff7589318187ec0});
  ext.add<Synchronization, Codelet>("nvidia::gxf::Synchronization",
                                   {0xf1cb80d6e5ec4dba, 0x9f9eb06b0def4443});
  ext.add<Subgraph, Component>("nvidia::gxf::Subgraph", {0x576eedd77c3f4d2f, 0x8c388baa79a3d231});
  // Parallel schedulers, the remaining scheduling terms and thread-pinning resources.
  ext.add<MultiThreadScheduler, Scheduler>("nvidia::gxf::MultiThreadScheduler",
                                           {0xde5e06467fa511eb, 0xa5c4330ebfa81bbf});
  ext.add<EventBasedScheduler, Scheduler>("nvidia::gxf::EventBasedScheduler",
                                          {0x99bef5a848bc11ee, 0xbe560242ac120002});
  ext.add<AsynchronousSchedulingTerm, SchedulingTerm>("nvidia::gxf::AsynchronousSchedulingTerm",
                                                      {0x56be1662ff634179, 0x92003fcd8dc38673});
  ext.add<MessageAvailableFrequencyThrottler, SchedulingTerm>(
      "nvidia::gxf::MessageAvailableFrequencyThrottler", {0x5ae1d56ca19611ed, 0x8759ef34a33d45a6});
  ext.add<MemoryAvailableSchedulingTerm, SchedulingTerm>(
      "nvidia::gxf::MemoryAvailableSchedulingTerm", {0xf976d23a822074e2, 0xa5d904ed71b2454a});
  ext.add<BTSchedulingTerm, SchedulingTerm>("nvidia::gxf::BTSchedulingTerm",
                                            {0x0161ca512fed4a8c, 0x8f2467cf1b5e330a});
  ext.add<OrSchedulingTermCombiner, SchedulingTermCombiner>(
      "nvidia::gxf::OrSchedulingTermCombiner", {0xdf28988e42ed11ef, 0xa09acbbf54a5a986});
  ext.add<ResourceBase, Component>("nvidia::gxf::ResourceBase",
                                   {0x76b9234d5eac4c65, 0xb1a10306d3f354e5});
  ext.add<ThreadPool, ResourceBase>("nvidia::gxf::ThreadPool",
                                    {0x4025b68b206b4b3d, 0xa088f4805fdf8703});
  ext.add<GPUDevice, ResourceBase>("nvidia::gxf::GPUDevice",
                                   {0x2036939fa32a43ee, 0x83f8826576d8f170});
  ext.add<CPUThread, Component>("nvidia::gxf::CPUThread", {0x34f46728496d4d8b, 0xb9c9c5a54de5d3a0});
}

}  // namespace

}  // namespace gxf
}  // namespace nvidia

// The entry point the manifest loader looks up in libgxf_std.so.
GXF_EXTENSION_FACTORY(extension) { nvidia::gxf::std_extension_factory(extension); }
