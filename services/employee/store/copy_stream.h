// COPY ... FROM STDIN with hand-built text-format lines, buffered into large writes: the bulk
// path of the import (staging tables, outbox rows). Internal to the store.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pqxx/pqxx>
#include <pqxx/tablewriter>

namespace kinerja::employee::store::internal {

// Builds one COPY text-format line field by field.
class CopyLine {
 public:
  explicit CopyLine(std::string& out) : out_(out) {}
  CopyLine& Text(std::string_view value);  // escaped
  CopyLine& Null();
  CopyLine& Int(int64_t value);
  CopyLine& Bool(bool value) { return Raw(value ? "t" : "f"); }
  CopyLine& Bytea(std::string_view bytes);  // as \\x<hex>
  // A value known to need no escaping (digits, dates, fixed names).
  CopyLine& Raw(std::string_view value);
  void End() { out_.push_back('\n'); }

 private:
  void Separate();
  std::string& out_;
  bool first_ = true;
};

// One COPY into `table` (`columns` in line order). Lines are appended to buffer() and sent in
// chunks; Complete() ends the COPY (required before any other statement on the transaction).
class CopyWriter {
 public:
  CopyWriter(pqxx::transaction_base& tx, const std::string& table,
             const std::vector<std::string>& columns);
  ~CopyWriter();
  std::string& buffer() { return buffer_; }
  // Sends the buffer when it is large; call after each line.
  void MaybeFlush() {
    if (buffer_.size() >= kChunk) Flush();
  }
  void Complete();

 private:
  static constexpr size_t kChunk = 1 << 20;
  void Flush();
  std::unique_ptr<pqxx::tablewriter> writer_;
  std::string buffer_;
  bool completed_ = false;
};

}  // namespace kinerja::employee::store::internal
