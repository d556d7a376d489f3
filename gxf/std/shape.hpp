// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <vector>

namespace nvidia {
namespace gxf {

// Dimensions of a tensor: rank 0..8, int32 extents.
class Shape {
 public:
  static constexpr uint32_t kMaxRank = 8;

  Shape() { dimensions_.fill(0); }
  Shape(std::initializer_list<int32_t> dimensions) : Shape() {
    for (int32_t dimension : dimensions) append(dimension);
  }
  Shape(const std::vector<int32_t>& dimensions) : Shape() {
    for (int32_t dimension : dimensions) append(dimension);
  }
  Shape(const std::array<int32_t, kMaxRank>& dimensions, uint32_t rank) : Shape() {
    for (uint32_t i = 0; i < rank && i < kMaxRank; ++i) append(dimensions[i]);
  }

  uint32_t rank() const { return rank_; }
  // Element count: the product of the dimensions; 0 for rank 0 (GXF's convention).
  uint64_t size() const {
    if (rank_ == 0) return 0;
    uint64_t count = 1;
    for (uint32_t i = 0; i < rank_; ++i) count *= static_cast<uint64_t>(dimensions_[i]);
    return count;
  }
  // The i-th extent; 1 past the rank (broadcasting convention), 0 for rank 0.
  int32_t dimension(uint32_t index) const {
    if (rank_ == 0) return 0;
    return index < rank_ ? dimensions_[index] : 1;
  }
  // True when every extent is positive.
  bool valid() const {
    for (uint32_t i = 0; i < rank_; ++i) {
      if (dimensions_[i] <= 0) return false;
    }
    return true;
  }
  bool operator==(const Shape& other) const {
    if (rank_ != other.rank_) return false;
    for (uint32_t i = 0; i < rank_; ++i) {
      if (dimensions_[i] != other.dimensions_[i]) return false;
    }
    return true;
  }
  bool operator!=(const Shape& other) const { return !(*this == other); }

 private:
  void append(int32_t dimension) {
    if (rank_ < kMaxRank) dimensions_[rank_++] = dimension;
  }

  uint32_t rank_ = 0;
  std::array<int32_t, kMaxRank> dimensions_;
};

}  // namespace gxf
}  // namespace nvidia
