// Reassembles the lines of an uploaded file from chunks split anywhere (ImportRecords sends
// raw bytes in pieces of any size). Lines end at '\n'; a '\r' before it is dropped, and so is a
// UTF-8 byte order mark at the start of the file. Memory stays bounded by one line: a line
// longer than max_line_bytes is reported as too long instead of being kept.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kinerja::text {

struct Line {
  int64_t number = 0;     // 1-based line number in the file
  std::string_view text;  // without the line end; valid only during the callback
  bool too_long = false;  // text is empty then
};

class LineSplitter {
 public:
  explicit LineSplitter(size_t max_line_bytes) : max_line_bytes_(max_line_bytes) {}

  // Calls on_line(const Line&) for every line the chunk completes.
  template <typename OnLine>
  void Feed(std::string_view chunk, OnLine&& on_line) {
    while (!chunk.empty()) {
      size_t newline = chunk.find('\n');
      if (newline == std::string_view::npos) {
        Keep(chunk);
        return;
      }
      std::string_view head = chunk.substr(0, newline);
      chunk.remove_prefix(newline + 1);
      if (partial_.empty() && !too_long_) {
        Emit(head, on_line);  // the common case: the whole line is in this chunk, no copy
      } else {
        Keep(head);
        Emit(partial_, on_line);
        partial_.clear();
      }
      too_long_ = false;
    }
  }

  // End of input: emits a last line that has no line end.
  template <typename OnLine>
  void Finish(OnLine&& on_line) {
    if (!partial_.empty() || too_long_) Emit(partial_, on_line);
    partial_.clear();
    too_long_ = false;
  }

  int64_t lines() const { return next_number_ - 1; }

 private:
  void Keep(std::string_view bytes) {
    if (too_long_) return;
    if (partial_.size() + bytes.size() > max_line_bytes_) {
      too_long_ = true;
      partial_.clear();
      partial_.shrink_to_fit();
      return;
    }
    partial_.append(bytes.data(), bytes.size());
  }

  template <typename OnLine>
  void Emit(std::string_view text, OnLine& on_line) {
    Line line;
    line.number = next_number_++;
    if (too_long_ || text.size() > max_line_bytes_) {
      line.too_long = true;
    } else {
      if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
      if (line.number == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
      line.text = text;
    }
    on_line(line);
  }

  const size_t max_line_bytes_;
  std::string partial_;
  bool too_long_ = false;
  int64_t next_number_ = 1;
};

}  // namespace kinerja::text
