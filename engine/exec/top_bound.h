// The dynamic Top-N filter: what a Top (ORDER BY ... LIMIT) tells the
// TopBound check the planner put below it. Once the Top holds all the rows
// it keeps, a row whose first sort key is strictly worse than the first key
// of its worst kept row can never enter it, so the check drops such rows
// before the operators in between (projections, filters) spend work on them.
#pragma once

#include "storage/value.h"

namespace kith::engine {

struct TopBoundState {
  bool active = false;  // the Top is full: `bound` is its worst row's first key
  Value bound;
};

}  // namespace kith::engine
