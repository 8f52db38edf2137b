#include "services/employee/store/copy_stream.h"

#include "absl/strings/str_cat.h"

namespace kinerja::employee::store::internal {

void CopyLine::Separate() {
  if (!first_) out_.push_back('\t');
  first_ = false;
}

CopyLine& CopyLine::Text(std::string_view value) {
  Separate();
  for (char c : value) {
    switch (c) {
      case '\\':
        out_.append("\\\\");
        break;
      case '\t':
        out_.append("\\t");
        break;
      case '\n':
        out_.append("\\n");
        break;
      case '\r':
        out_.append("\\r");
        break;
      default:
        out_.push_back(c);
    }
  }
  return *this;
}

CopyLine& CopyLine::Null() {
  Separate();
  out_.append("\\N");
  return *this;
}

CopyLine& CopyLine::Int(int64_t value) {
  Separate();
  absl::StrAppend(&out_, value);
  return *this;
}

CopyLine& CopyLine::Raw(std::string_view value) {
  Separate();
  out_.append(value);
  return *this;
}

CopyLine& CopyLine::Bytea(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  Separate();
  out_.append("\\\\x");
  const size_t at = out_.size();
  out_.resize(at + 2 * bytes.size());
  char* p = out_.data() + at;
  for (unsigned char b : bytes) {
    *p++ = kHex[b >> 4];
    *p++ = kHex[b & 15];
  }
  return *this;
}

// pqxx 6.4 keeps raw-line COPY only on the deprecated tablewriter (stream_to's is private).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
CopyWriter::CopyWriter(pqxx::transaction_base& tx, const std::string& table,
                       const std::vector<std::string>& columns)
    : writer_(std::make_unique<pqxx::tablewriter>(tx, table, columns.begin(), columns.end())) {
  buffer_.reserve(kChunk + (64 << 10));
}
#pragma GCC diagnostic pop

CopyWriter::~CopyWriter() {
  if (!completed_) {
    try {
      writer_.reset();  // ends the COPY; the transaction is being abandoned anyway
    } catch (...) {
    }
  }
}

void CopyWriter::Flush() {
  if (buffer_.empty()) return;
  // write_raw_line appends the final newline itself.
  if (buffer_.back() == '\n') buffer_.pop_back();
  writer_->write_raw_line(buffer_);
  buffer_.clear();
}

void CopyWriter::Complete() {
  Flush();
  completed_ = true;
  writer_->complete();
}

}  // namespace kinerja::employee::store::internal
