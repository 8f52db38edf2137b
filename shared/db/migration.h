// One versioned SQL migration as a binary ships it (cmake kinerja_embed_migrations).
#pragma once

#include <string>

namespace kinerja::db {

struct Migration {
  std::string id;  // "<source>/<file name>", e.g. "employee/0001_init.sql"
  std::string sql;
};

}  // namespace kinerja::db
