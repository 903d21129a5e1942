package dev.flotilla.scheduler.core.placementgroup;

/**
 * One search's layout: {@code nodes[i]} is the index (into {@link GangContext#alive()}) of the node
 * bundle {@code i} went to, or -1; {@code placed} counts the bundles it found room for, which is
 * what an unplaceable reason reports. Internal to one plan, so the array is not copied.
 */
record Attempt(int[] nodes, int placed) {

  boolean complete() {
    return placed == nodes.length;
  }
}
