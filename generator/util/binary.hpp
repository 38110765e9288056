// A compact binary encoding for what Acta keeps between builds (cache records, search index groups):
// base-128 varints, length-prefixed strings, doubles by their bits. Reading checks every length against
// what is left and throws binary::Truncated, so damaged bytes are never read past their end.
#pragma once

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace acta::binary {

class Out {
 public:
  std::string bytes;
  void num(std::uint64_t v) {
    while (v >= 0x80) {
      bytes += static_cast<char>((v & 0x7f) | 0x80);
      v >>= 7;
    }
    bytes += static_cast<char>(v);
  }
  void str(std::string_view s) {
    num(s.size());
    bytes.append(s);
  }
  void real(double d) {
    std::uint64_t v;
    std::memcpy(&v, &d, sizeof v);
    for (int i = 0; i < 8; ++i) bytes += static_cast<char>(v >> (8 * i));
  }
  template <class T, class F>
  void list(const std::vector<T>& v, F each) {
    num(v.size());
    for (const auto& x : v) each(x);
  }
  void strings(const std::vector<std::string>& v) { list(v, [&](const std::string& s) { str(s); }); }
};

struct Truncated : std::runtime_error {
  Truncated() : std::runtime_error("truncated record") {}
};

class In {
 public:
  explicit In(std::string_view b) : b_(b) {}
  std::uint64_t num() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (i_ >= b_.size()) throw Truncated();
      auto c = static_cast<unsigned char>(b_[i_++]);
      v |= static_cast<std::uint64_t>(c & 0x7f) << shift;
      if (!(c & 0x80)) return v;
    }
    throw Truncated();
  }
  int integer() { return static_cast<int>(num()); }
  std::string str() {
    auto n = num();
    if (n > b_.size() - i_) throw Truncated();
    std::string s(b_.substr(i_, n));
    i_ += n;
    return s;
  }
  // Skips `n` bytes.
  void skip(std::size_t n) {
    if (n > b_.size() - i_) throw Truncated();
    i_ += n;
  }
  // A string's bytes where they are, without a copy (valid while the input is).
  std::string_view view() {
    auto n = num();
    if (n > b_.size() - i_) throw Truncated();
    std::string_view s = b_.substr(i_, n);
    i_ += n;
    return s;
  }
  double real() {
    if (b_.size() - i_ < 8) throw Truncated();
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(b_[i_ + i])) << (8 * i);
    i_ += 8;
    double d;
    std::memcpy(&d, &v, sizeof d);
    return d;
  }
  template <class T, class F>
  void list(std::vector<T>& v, F each) {
    auto n = num();
    if (n > b_.size() - i_) throw Truncated();  // every element takes at least one byte
    v.resize(n);
    for (auto& x : v) each(x);
  }
  void strings(std::vector<std::string>& v) { list(v, [&](std::string& s) { s = str(); }); }
  std::size_t pos() const { return i_; }
  bool done() const { return i_ == b_.size(); }

 private:
  std::string_view b_;
  std::size_t i_ = 0;
};

}  // namespace acta::binary
