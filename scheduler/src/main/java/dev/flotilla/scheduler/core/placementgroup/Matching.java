package dev.flotilla.scheduler.core.placementgroup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A maximum matching of bundles to distinct nodes (Kuhn's augmenting paths): a greedy choice can
 * strand a bundle that only one node fits, so STRICT_SPREAD needs the exact answer. Each bundle
 * first takes its most preferred free candidate; only when none is free does it re-route bundles
 * already matched. O(bundles × edges).
 */
final class Matching {
  private final List<int[]> candidates;
  private final int[] bundleOfNode;
  private final int[] nodeOfBundle;
  private boolean[] seen;

  private Matching(List<int[]> candidates, int nodeCount) {
    this.candidates = candidates;
    this.bundleOfNode = new int[nodeCount];
    this.nodeOfBundle = new int[candidates.size()];
    Arrays.fill(bundleOfNode, -1);
    Arrays.fill(nodeOfBundle, -1);
  }

  /**
   * Matches bundle {@code k} to one of {@code candidates.get(k)} (node indices below {@code
   * nodeCount}, most preferred first), as many bundles as possible; -1 for the unmatched ones.
   */
  static int[] maximum(List<int[]> candidates, int nodeCount) {
    Matching m = new Matching(candidates, nodeCount);
    List<Integer> byFewest = new ArrayList<>();
    for (int k = 0; k < candidates.size(); k++) {
      byFewest.add(k);
    }
    byFewest.sort(Comparator.comparingInt(k -> candidates.get(k).length));
    for (int k : byFewest) {
      if (!m.takeFree(k)) {
        m.seen = new boolean[nodeCount];
        m.augment(k);
      }
    }
    return m.nodeOfBundle;
  }

  private boolean takeFree(int k) {
    for (int n : candidates.get(k)) {
      if (bundleOfNode[n] < 0) {
        assign(k, n);
        return true;
      }
    }
    return false;
  }

  private boolean augment(int k) {
    for (int n : candidates.get(k)) {
      if (seen[n]) {
        continue;
      }
      seen[n] = true;
      if (bundleOfNode[n] < 0 || augment(bundleOfNode[n])) {
        assign(k, n);
        return true;
      }
    }
    return false;
  }

  private void assign(int k, int n) {
    bundleOfNode[n] = k;
    nodeOfBundle[k] = n;
  }
}
