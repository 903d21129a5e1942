package dev.flotilla.scheduler.core;

import java.util.Map;

/**
 * What filters may look at in a request (demand and label selector): tasks of one shape fit on the
 * same nodes. {@link ShapeTable} interns shapes so equal ones are one instance, and the hash is
 * computed once, which keeps a lookup per queued task per scheduling pass cheap.
 */
final class TaskShape {
  final Resources demand;
  final Map<String, String> labelSelector;
  private final int hash;

  /** Holders of this shape (queued tasks, cached reasons); see {@link ShapeTable}. */
  int users;

  TaskShape(PlacementRequest request) {
    this.demand = request.demand();
    this.labelSelector = request.labelSelector();
    this.hash = 31 * demand.hashCode() + labelSelector.hashCode();
  }

  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof TaskShape s
            && hash == s.hash
            && demand.equals(s.demand)
            && labelSelector.equals(s.labelSelector));
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return demand.describe() + (labelSelector.isEmpty() ? "" : " " + labelSelector);
  }
}
