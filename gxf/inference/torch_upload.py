# SPDX-License-Identifier: Apache-2.0
"""HostUploader: host frames reach a CUDA model through page-locked staging buffers, with one
stream-ordered copy per batch and no wait for the GPU.

torch's `tensor.to("cuda")` of pageable host memory copies through the driver's own staging
and returns only when the copy is done, which waits for everything queued on the stream before
it (the previous batch's kernels): CPU and GPU take turns. Here the frames are stacked
straight into a page-locked buffer (the one CPU pass stacking needs anyway) and copied with
non_blocking=True, so the host queues the next batch while the GPU runs this one. A buffer is
written again only after the copy that read it has finished (its event), with two buffers in
turn: the host waits only when it is two batches ahead of the GPU."""

__all__ = ["HostUploader", "batch_shape"]


def batch_shape(parts, stack):
    """The shape of `parts` stacked along a new leading dimension (`stack`), else joined
    along their first one."""
    first = parts[0]
    if stack:
        return (len(parts),) + tuple(first.shape)
    return (sum(int(part.shape[0]) for part in parts),) + tuple(first.shape[1:])


class HostUploader:
    """Uploads host (CPU) torch tensors to `device` through a ring of page-locked buffers."""

    def __init__(self, torch, device, slots=2):
        self.torch = torch
        self.device = device
        self._buffers = [None] * slots
        self._events = [None] * slots
        self._next = 0

    def upload(self, parts, stack):
        """One device tensor of host tensors `parts`: stacked along a new leading dimension
        (`stack`), else concatenated along the first one (one part: copied as it is)."""
        return self.send(self.stage(parts, stack))

    def stage(self, parts, stack):
        """`parts` stacked or joined into the next page-locked buffer (see upload)."""
        torch = self.torch
        first = parts[0]
        shape = batch_shape(parts, stack)
        staged = self._staging(shape, first.dtype)
        if len(parts) == 1:
            staged.copy_(first.reshape(shape))
        elif stack:
            torch.stack(parts, out=staged)
        else:
            torch.cat(parts, out=staged)
        return staged

    def send(self, staged, destination=None):
        """Queue the copy of the buffer stage() returned last to the device, into
        `destination` where given (a device tensor of its shape), else into a new tensor."""
        if destination is None:
            destination = staged.to(self.device, non_blocking=True)
        else:
            destination.copy_(staged, non_blocking=True)
        self._events[self._slot].record()  # on the current stream, after the copy
        return destination

    def _staging(self, shape, dtype):
        """A page-locked view of `shape` and `dtype` whose last copy has finished."""
        torch = self.torch
        slot = self._slot = self._next
        self._next = (slot + 1) % len(self._buffers)
        event = self._events[slot]
        if event is None:
            event = self._events[slot] = torch.cuda.Event()
        else:
            event.synchronize()  # the copy that read this buffer two batches ago
        count = 1
        for extent in shape:
            count *= int(extent)
        nbytes = count * dtype.itemsize
        buffer = self._buffers[slot]
        if buffer is None or buffer.numel() < nbytes:
            buffer = self._buffers[slot] = torch.empty(max(nbytes, 1), dtype=torch.uint8,
                                                       pin_memory=True)
        return buffer[:nbytes].view(dtype).view(shape)
