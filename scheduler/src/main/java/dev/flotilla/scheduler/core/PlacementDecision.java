package dev.flotilla.scheduler.core;

import java.util.Objects;

/** The planner's answer for one request: a node, or why there is none right now. */
public sealed interface PlacementDecision {

  /** Place the task on {@code nodeId}; the caller still has to {@link ClusterState#reserve}. */
  record Placed(String nodeId) implements PlacementDecision {
    public Placed {
      Objects.requireNonNull(nodeId, "nodeId");
    }
  }

  /** No node can take the task now; {@code reason} is one sentence meant for the user. */
  record Unplaceable(String reason) implements PlacementDecision {
    public Unplaceable {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
