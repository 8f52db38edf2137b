// The CSV parser moved to the project's shared/ (shared/text/csv.h) so that every service that
// imports CSV uses one; the employee service keeps its names.
#pragma once

#include "shared/text/csv.h"

namespace kinerja::employee {

using text::CsvHeader;
using text::CsvLineSplitter;

}  // namespace kinerja::employee
