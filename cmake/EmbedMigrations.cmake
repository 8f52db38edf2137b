# Script mode: writes OUT, a C++ file defining `std::vector<kinerja::db::Migration> FUNC()`
# holding every *.sql in DIR (sorted by name) so a service ships its schema inside its binary.
file(GLOB files RELATIVE ${DIR} ${DIR}/*.sql)
list(SORT files)
set(body "")
foreach(f ${files})
  file(READ ${DIR}/${f} sql)
  string(APPEND body "      {\"${PREFIX}/${f}\", R\"KINERJA_SQL(${sql})KINERJA_SQL\"},\n")
endforeach()
file(WRITE ${OUT}.tmp "// Generated from ${DIR} by cmake/EmbedMigrations.cmake. Do not edit.
#include <vector>

#include \"shared/db/migrations.h\"

namespace ${NAMESPACE} {
std::vector<kinerja::db::Migration> ${FUNC}() {
  return {
${body}  };
}
}  // namespace ${NAMESPACE}
")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
