// The line splitter moved to the project's shared/ (shared/text/line_splitter.h) so that every
// service's streaming import uses one; the employee service keeps its names.
#pragma once

#include "shared/text/line_splitter.h"

namespace kinerja::employee::api {

using text::Line;
using text::LineSplitter;

}  // namespace kinerja::employee::api
