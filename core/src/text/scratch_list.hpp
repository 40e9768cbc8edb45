// A list whose first N items live in the object itself, for per-text
// scratch space (twitter-text's URLs, spans and sign positions, sentiment's
// words).
#pragma once
#include <algorithm>
#include <array>
#include <cstddef>
#include <span>
#include <vector>

namespace chime::text {

// Per-text scratch space: the first N items live in the object itself (on
// the stack), so a tweet's few URLs or entities cost no heap allocation;
// past N, all of them move to the heap. Adding an item is a comparison and
// a store.
template <typename T, size_t N>
class ScratchList {
 public:
  ScratchList() = default;
  ScratchList(const ScratchList&) = delete;  // data_ may point into the object
  ScratchList& operator=(const ScratchList&) = delete;

  void push_back(const T& item) {
    if (size_ == capacity_) grow();
    data_[size_++] = item;
  }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T* data() { return data_; }
  const T* data() const { return data_; }
  T& back() { return data_[size_ - 1]; }
  T& operator[](size_t i) { return data_[i]; }
  const T& operator[](size_t i) const { return data_[i]; }
  T* begin() { return data_; }
  T* end() { return data_ + size_; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }
  std::span<const T> span() const { return {data_, size_}; }

 private:
  // Out of the way of push_back, which stays small enough to inline.
  [[gnu::noinline]] void grow() {
    std::vector<T> bigger(capacity_ * 2);
    std::copy(data_, data_ + size_, bigger.begin());
    heap_.swap(bigger);
    data_ = heap_.data();
    capacity_ = heap_.size();
  }
  std::array<T, N> local_;
  std::vector<T> heap_;
  T* data_ = local_.data();
  size_t size_ = 0, capacity_ = N;
};

}  // namespace chime::text
