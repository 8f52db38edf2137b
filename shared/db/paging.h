// Keyset pagination shapes shared by every store (stores never use OFFSET).
#pragma once

#include <string>
#include <vector>

namespace kinerja::db {

struct PageRequest {
  int page_size = 50;  // the API clamps it (rpc::ClampPageSize); stores require >= 1
  // Empty for the first page; otherwise the previous Page::last_key (the API keeps it inside the
  // signed page token, rpc::PageCursor::last_key). Stores answer INVALID_ARGUMENT
  // "page_token: ..." if it does not fit the list's key shape.
  std::vector<std::string> after = {};
};

template <typename T>
struct Page {
  std::vector<T> items = {};
  // Sort key of the last item when another page follows (has_more), else empty.
  std::vector<std::string> last_key = {};
  bool has_more = false;
};

}  // namespace kinerja::db
