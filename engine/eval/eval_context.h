// What expression evaluation may read besides its operands.
#pragma once

#include "storage/value.h"

namespace kith::engine {

struct EvalContext {
  // The query's `now`: fixed per query (DESIGN.md 2.2: windows are relative
  // to it and a query can set it) so every row sees the same instant.
  DateTime now;
};

}  // namespace kith::engine
