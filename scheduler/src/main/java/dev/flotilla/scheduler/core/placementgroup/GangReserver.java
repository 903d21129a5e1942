package dev.flotilla.scheduler.core.placementgroup;

import dev.flotilla.scheduler.core.ClusterState;
import dev.flotilla.scheduler.core.Plural;
import dev.flotilla.scheduler.core.Reservation;
import dev.flotilla.scheduler.core.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Commits a placement group's layout: every bundle gets a {@link Reservation} from {@link
 * ClusterState#reserve} (which re-checks capacity and assigns GPU devices) or none does. Not
 * thread-safe: call it under the lock that guards the {@code ClusterState}.
 */
public final class GangReserver {
  private GangReserver() {}

  /**
   * Reserves bundle {@code i} on node {@code nodeIdsPerBundle.get(i)} for every {@code i}, in
   * {@link ReserveOrder} (the order {@link GangPlanner} simulated). When any reservation fails (the
   * node is unknown, dead, or no longer has room) the ones already made are released and the result
   * is empty: every node's available resources and GPU device shares are as before, though {@link
   * ClusterState#version()} has moved on and the touched nodes count as having gained room.
   *
   * @return the reservations, indexed like {@code bundles}; empty when the layout no longer fits
   * @throws IllegalArgumentException when the lists differ in size or a bundle is invalid; nothing
   *     is reserved then
   */
  public static Optional<List<Reservation>> reserveAll(
      ClusterState state, List<String> nodeIdsPerBundle, List<Resources> bundles) {
    Objects.requireNonNull(state, "state");
    if (nodeIdsPerBundle.size() != bundles.size()) {
      throw new IllegalArgumentException(
          Plural.of(nodeIdsPerBundle.size(), "node id")
              + " for "
              + Plural.of(bundles.size(), "bundle"));
    }
    for (int i = 0; i < bundles.size(); i++) {
      PlacementGroupRequest.checkBundle("bundle " + i, bundles.get(i));
      Objects.requireNonNull(nodeIdsPerBundle.get(i), "node id of bundle " + i);
    }
    Reservation[] byBundle = new Reservation[bundles.size()];
    List<Reservation> made = new ArrayList<>(bundles.size());
    try {
      for (int i : ReserveOrder.of(bundles)) {
        byBundle[i] = state.reserve(nodeIdsPerBundle.get(i), bundles.get(i));
        made.add(byBundle[i]);
      }
    } catch (RuntimeException e) {
      rollBack(state, made);
      if (e instanceof IllegalStateException) {
        return Optional.empty();
      }
      throw e;
    }
    return Optional.of(List.of(byBundle));
  }

  /** Releases every reservation of a group, e.g. when it is removed; false if any was not held. */
  public static boolean releaseAll(ClusterState state, List<Reservation> reservations) {
    boolean all = true;
    for (Reservation r : reservations) {
      all &= state.release(r);
    }
    return all;
  }

  private static void rollBack(ClusterState state, List<Reservation> made) {
    for (int k = made.size() - 1; k >= 0; k--) {
      state.release(made.get(k));
    }
  }
}
