package dev.flotilla.scheduler.core.sim;

import dev.flotilla.scheduler.core.ClusterState;
import dev.flotilla.scheduler.core.NodeView;
import dev.flotilla.scheduler.core.Reservation;
import dev.flotilla.scheduler.core.Resources;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks a {@link ClusterState} against its own reservations, independently of how it keeps its
 * books: nothing negative, available = total − held, and no GPU device shared beyond 1.
 * {@link #checkExceptCpu} skips CPU, which blocked tasks lend out and may over-commit.
 */
public final class ClusterInvariants {
  private static final double TOLERANCE = 1e-5;

  private ClusterInvariants() {}

  /** All invariants; assumes no task is blocked with its CPU returned. */
  public static void check(ClusterState state) {
    check(state, false);
  }

  /** All invariants except for CPU. */
  public static void checkExceptCpu(ClusterState state) {
    check(state, true);
  }

  private static void check(ClusterState state, boolean skipCpu) {
    for (NodeView node : state.nodes()) {
      Resources held = Resources.none();
      double[] deviceUse = new double[node.gpuCount()];
      for (Reservation r : state.reservations(node.nodeId())) {
        held = held.plus(r.resources());
        for (int d : r.gpuIndices()) {
          deviceUse[d] += r.gpuSharePerDevice();
        }
      }
      Set<String> names = new HashSet<>(node.total().amounts().keySet());
      names.addAll(held.amounts().keySet());
      if (skipCpu) {
        names.remove(Resources.CPU);
      }
      for (String name : names) {
        double available = node.available().get(name);
        require(available > -TOLERANCE, node, name + " is negative: " + available);
        double expected = node.total().get(name) - held.get(name);
        require(Math.abs(available - expected) < TOLERANCE, node,
            name + " available " + available + " but total - held = " + expected);
      }
      for (int d = 0; d < deviceUse.length; d++) {
        require(deviceUse[d] <= 1 + TOLERANCE, node, "GPU " + d + " over-committed: " + deviceUse[d]);
        double free = node.gpuFreeByDevice().get(d);
        require(Math.abs(1 - deviceUse[d] - free) < TOLERANCE, node,
            "GPU " + d + " reports free " + free + " but reservations use " + deviceUse[d]);
      }
    }
  }

  private static void require(boolean ok, NodeView node, String what) {
    if (!ok) {
      throw new AssertionError("node " + node.nodeId() + ": " + what);
    }
  }
}
