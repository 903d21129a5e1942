package dev.flotilla.scheduler.core.placementgroup;

import dev.flotilla.scheduler.core.GpuDemand;
import dev.flotilla.scheduler.core.Resources;
import java.util.List;
import java.util.Objects;

/**
 * A placement group to reserve as a whole: its bundles, in the order callers refer to them ("bundle
 * 0", "bundle 1", …), and how to lay them out.
 *
 * @param groupId names the group in messages; not blank
 * @param bundles at least one; each non-empty, non-negative, with a GPU amount that is a whole
 *     number or below 1 (the same rule as a task's demand)
 */
public record PlacementGroupRequest(String groupId, List<Resources> bundles, Strategy strategy) {

  /** Validates; throws {@link IllegalArgumentException} with a message fit for the user. */
  public PlacementGroupRequest {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(bundles, "bundles");
    Objects.requireNonNull(strategy, "strategy");
    if (groupId.isBlank()) {
      throw new IllegalArgumentException("placement group id must not be blank");
    }
    if (bundles.isEmpty()) {
      throw new IllegalArgumentException("placement group " + groupId + " has no bundles");
    }
    for (int i = 0; i < bundles.size(); i++) {
      checkBundle("bundle " + i + " of placement group " + groupId, bundles.get(i));
    }
    bundles = List.copyOf(bundles);
  }

  /** Throws {@link IllegalArgumentException} unless {@code bundle} is a valid bundle demand. */
  static void checkBundle(String owner, Resources bundle) {
    if (bundle == null || bundle.isEmpty()) {
      throw new IllegalArgumentException(owner + " is empty");
    }
    bundle
        .amounts()
        .forEach(
            (resource, amount) -> {
              if (amount < 0) {
                throw new IllegalArgumentException(
                    owner + " demands a negative amount of " + resource);
              }
            });
    try {
      GpuDemand.of(bundle.get(Resources.GPU));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(owner + ": " + e.getMessage(), e);
    }
  }
}
