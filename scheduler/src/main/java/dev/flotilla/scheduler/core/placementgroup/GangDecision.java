package dev.flotilla.scheduler.core.placementgroup;

import java.util.List;
import java.util.Objects;

/** The {@link GangPlanner}'s answer for one placement group: a node per bundle, or why not. */
public sealed interface GangDecision {

  /**
   * Reserve bundle {@code i} on {@code nodeIdsPerBundle.get(i)}; the caller still has to call
   * {@link GangReserver#reserveAll}, which re-checks capacity.
   */
  record Placed(List<String> nodeIdsPerBundle) implements GangDecision {
    public Placed {
      nodeIdsPerBundle = List.copyOf(nodeIdsPerBundle);
      if (nodeIdsPerBundle.isEmpty()) {
        throw new IllegalArgumentException("a placed group has at least one bundle");
      }
    }
  }

  /** No layout fits now; {@code reason} is one sentence meant for the user. */
  record Unplaceable(String reason) implements GangDecision {
    public Unplaceable {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
