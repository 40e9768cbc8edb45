// A list whose first N items live in the object itself, for per-text
// scratch space (twitter-text's URLs and spans, sentiment's words).
#pragma once
#include <array>
#include <cstddef>
#include <vector>

namespace chime::text {

// Per-text scratch space: the first N items live in the object itself (on
// the stack), so a tweet's few URLs or entities cost no heap allocation;
// past N, all of them move to the heap.
template <typename T, size_t N>
class ScratchList {
 public:
  ScratchList() = default;
  ScratchList(const ScratchList&) = delete;
  ScratchList& operator=(const ScratchList&) = delete;

  void push_back(const T& item) {
    if (size_ == N) heap_.assign(local_.begin(), local_.end());
    if (size_ >= N) heap_.push_back(item);
    else local_[size_] = item;
    ++size_;
  }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T* data() { return size_ > N ? heap_.data() : local_.data(); }
  const T* data() const { return size_ > N ? heap_.data() : local_.data(); }
  T& back() { return data()[size_ - 1]; }
  T& operator[](size_t i) { return data()[i]; }
  const T& operator[](size_t i) const { return data()[i]; }
  T* begin() { return data(); }
  T* end() { return data() + size_; }
  const T* begin() const { return data(); }
  const T* end() const { return data() + size_; }

 private:
  std::array<T, N> local_;
  std::vector<T> heap_;
  size_t size_ = 0;
};

}  // namespace chime::text
