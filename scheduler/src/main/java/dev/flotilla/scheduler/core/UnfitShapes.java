package dev.flotilla.scheduler.core;

import java.util.HashMap;
import java.util.Map;

/**
 * The reasons why task shapes did not fit, valid for as long as the {@link ClusterState} they
 * were computed against has not changed. Within one {@link TaskQueue#schedule} call they stay
 * valid although the call reserves resources: reserving only ever makes nodes fuller, and filters
 * are monotone in free resources (see {@link FilterPlugin}).
 */
final class UnfitShapes {
  private final Map<QueuedTask.Shape, String> reasons = new HashMap<>();
  private ClusterState owner;
  private long version = -1;

  /** Starts a scheduling pass: forgets everything unless {@code state} is unchanged. */
  void begin(ClusterState state) {
    if (state != owner || state.version() != version) {
      reasons.clear();
      owner = state;
    }
  }

  /** Ends a pass: the reasons now describe {@code state} as it is. */
  void end(ClusterState state) {
    version = state.version();
  }

  String get(QueuedTask.Shape shape) {
    return reasons.get(shape);
  }

  void put(QueuedTask.Shape shape, String reason) {
    reasons.put(shape, reason);
  }
}
