#pragma once
// Where the invoice lines of one simulation live: a few large blocks owned by its Result, instead
// of one heap allocation per invoice. A 10-year run of 20 products has ~480 invoices of ~20 lines
// (2.3 KB each): allocated and freed one by one, they took ~7 % of simulate() and of the result's
// destruction, in the C library's slower path for blocks over 1 KB.
//
//   LinePool pool;
//   std::vector<InvoiceLine, LineAllocator<InvoiceLine>> lines{LineAllocator<InvoiceLine>{&pool}};
//   lines.reserve(21);  // from the pool: no heap allocation of its own
//
// A vector on the pool must not outlive it (the Result holds its pool before its invoices, so
// they go first). A default LineAllocator, and every copy of a vector, uses the heap as usual.
#include <algorithm>
#include <cstddef>
#include <memory>
#include <type_traits>
#include <vector>

namespace subsim {

class LinePool {
public:
    LinePool() = default;
    LinePool(const LinePool&) = delete;
    LinePool& operator=(const LinePool&) = delete;

    // `bytes` of storage aligned for any line, valid as long as the pool. Freed only with the pool:
    // a vector that grows leaves its old block behind (at most as much as it holds).
    void* allocate(std::size_t bytes) {
        bytes = (bytes + alignment - 1) / alignment * alignment;
        if (bytes > left_) new_block(bytes);
        void* p = next_;
        next_ += bytes;
        left_ -= bytes;
        return p;
    }

private:
    static constexpr std::size_t alignment = alignof(std::max_align_t);
    static constexpr std::size_t first_block = 16 * 1024;
    static constexpr std::size_t largest_block = 1024 * 1024;

    // A block of at least `bytes`; blocks double in size up to largest_block (few allocations for a
    // long run, little unused memory for a short one).
    void new_block(std::size_t bytes) {
        std::size_t size = blocks_.empty() ? first_block : std::min(block_size_ * 2, largest_block);
        block_size_ = size;
        if (bytes > size) size = bytes;
        blocks_.emplace_back(new std::byte[size]);  // not zero-filled: every line is written before it is read
        next_ = blocks_.back().get();
        left_ = size;
    }

    std::vector<std::unique_ptr<std::byte[]>> blocks_;
    std::byte* next_ = nullptr;
    std::size_t left_ = 0;
    std::size_t block_size_ = 0;
};

// The allocator of a vector of invoice lines: from `pool` when it has one, else from the heap.
template <class T>
class LineAllocator {
public:
    using value_type = T;
    // Moved and swapped with the lines; a copy of the lines is a heap vector of its own.
    using propagate_on_container_move_assignment = std::true_type;
    using propagate_on_container_swap = std::true_type;
    using propagate_on_container_copy_assignment = std::false_type;

    LineAllocator() = default;
    explicit LineAllocator(LinePool* pool) : pool_(pool) {}
    template <class U>
    LineAllocator(const LineAllocator<U>& other) : pool_(other.pool()) {}

    T* allocate(std::size_t n) {
        if (!pool_) return std::allocator<T>{}.allocate(n);
        return static_cast<T*>(pool_->allocate(n * sizeof(T)));
    }
    void deallocate(T* p, std::size_t n) {
        if (!pool_) std::allocator<T>{}.deallocate(p, n);
    }
    LineAllocator select_on_container_copy_construction() const { return LineAllocator{}; }

    LinePool* pool() const { return pool_; }
    friend bool operator==(const LineAllocator& a, const LineAllocator& b) { return a.pool_ == b.pool_; }

private:
    LinePool* pool_ = nullptr;
};

}  // namespace subsim
