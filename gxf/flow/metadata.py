# SPDX-License-Identifier: Apache-2.0
"""Per-buffer metadata in DeepStream's pyds model: BatchMeta -> FrameMeta -> ObjectMeta /
UserMeta (tensor outputs). The classes are bound to the C++ model a message carries
(gxf/flow/metadata.hpp, in a BatchMetaComponent), so a C++ component reads and writes the
same objects a Python probe does."""

from gxf.flow._flow import BatchMeta, FrameMeta, ObjectMeta, Rect, TensorOutput, UserMeta

__all__ = ["BatchMeta", "FrameMeta", "ObjectMeta", "Rect", "TensorOutput", "UserMeta"]
