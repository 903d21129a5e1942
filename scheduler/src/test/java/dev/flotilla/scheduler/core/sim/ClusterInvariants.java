package dev.flotilla.scheduler.core.sim;

import dev.flotilla.scheduler.core.ClusterState;
import dev.flotilla.scheduler.core.NodeView;
import dev.flotilla.scheduler.core.Reservation;
import dev.flotilla.scheduler.core.Resources;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Checks a {@link ClusterState} against its own reservations, independently of how it keeps its
 * books: nothing negative, available = total − held, and no GPU device shared beyond 1. {@link
 * #checkExceptCpu} skips CPU, which blocked tasks lend out and may over-commit.
 */
public final class ClusterInvariants {
  private static final double TOLERANCE = 1e-5;

  private ClusterInvariants() {}

  /** All invariants on every node; assumes no task is blocked with its CPU returned. */
  public static void check(ClusterState state) {
    state.nodes().forEach(n -> check(state, n, false));
  }

  /** All invariants on the listed nodes (a simulation checks the nodes an event touched). */
  public static void check(ClusterState state, Collection<String> nodeIds) {
    nodeIds.forEach(id -> state.node(id).ifPresent(n -> check(state, n, false)));
  }

  /** All invariants except for CPU, on every node. */
  public static void checkExceptCpu(ClusterState state) {
    state.nodes().forEach(n -> check(state, n, true));
  }

  private static void check(ClusterState state, NodeView node, boolean skipCpu) {
    Map<String, Double> held = new HashMap<>();
    double[] deviceUse = new double[node.gpuCount()];
    for (Reservation r : state.reservations(node.nodeId())) {
      r.resources().amounts().forEach((name, amount) -> held.merge(name, amount, Double::sum));
      for (int d : r.gpuIndices()) {
        deviceUse[d] += r.gpuSharePerDevice();
      }
    }
    Set<String> names = new HashSet<>(node.total().amounts().keySet());
    names.addAll(held.keySet());
    if (skipCpu) {
      names.remove(Resources.CPU);
    }
    for (String name : names) {
      double available = node.available().get(name);
      if (available < -TOLERANCE) {
        fail(node, name + " is negative: " + available);
      }
      double expected = node.total().get(name) - held.getOrDefault(name, 0.0);
      if (Math.abs(available - expected) > TOLERANCE) {
        fail(node, name + " available " + available + " but total - held = " + expected);
      }
    }
    for (int d = 0; d < deviceUse.length; d++) {
      if (deviceUse[d] > 1 + TOLERANCE) {
        fail(node, "GPU " + d + " over-committed: " + deviceUse[d]);
      }
      double free = node.gpuFreeByDevice().get(d);
      if (Math.abs(1 - deviceUse[d] - free) > TOLERANCE) {
        fail(node, "GPU " + d + " reports free " + free + " but reservations use " + deviceUse[d]);
      }
    }
  }

  private static void fail(NodeView node, String what) {
    throw new AssertionError("node " + node.nodeId() + ": " + what);
  }
}
