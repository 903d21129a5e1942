package dev.flotilla.scheduler.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Remembers which task shapes fit on no node, and why, across {@link TaskQueue#schedule} calls.
 *
 * <p>Why it is sound: filters are monotone in free resources (see {@link FilterPlugin}), and
 * within one pass the queue only reserves, so a shape that did not fit keeps not fitting for the
 * rest of the pass. Between passes, only nodes that {@link ClusterState#nodesGainedSince gained}
 * room can change that, so at the start of a pass each remembered shape is re-checked against
 * those few nodes alone (on first use) instead of the whole fleet. After {@value
 * #MAX_RECHECKS} such re-checks a shape is planned afresh, which refreshes the numbers in its
 * reason ("the most free on any node is CPU:2 (node n3)").
 */
final class UnfitShapes {
  static final int MAX_RECHECKS = 32;

  private static final class Entry {
    final String reason;
    int rechecks;
    long checkedInPass;

    Entry(String reason, long pass) {
      this.reason = reason;
      this.checkedInPass = pass;
    }
  }

  private final Map<TaskShape, Entry> entries = new HashMap<>();
  private ClusterState owner;
  private long endVersion = Long.MIN_VALUE;
  private long pass;
  private List<String> gainedNodes = List.of();

  /** Starts a pass over {@code state}. */
  void begin(ClusterState state) {
    pass++;
    if (state != owner) {
      entries.clear();
      owner = state;
      gainedNodes = List.of();
      return;
    }
    List<String> ids = new ArrayList<>();
    state.nodesGainedSince(endVersion).forEach(n -> ids.add(n.nodeId()));
    gainedNodes = ids;
  }

  /**
   * The reason {@code shape} still fits nowhere, or null when it is unknown or may fit now (then
   * it is forgotten). {@code fits} tells whether one node (as it is now) passes every filter.
   */
  String reasonIfStillUnfit(TaskShape shape, Predicate<String> fits) {
    Entry e = entries.get(shape);
    if (e == null) {
      return null;
    }
    if (e.checkedInPass == pass || gainedNodes.isEmpty()) {
      e.checkedInPass = pass;
      return e.reason;
    }
    if (e.rechecks >= MAX_RECHECKS || gainedNodes.stream().anyMatch(fits)) {
      entries.remove(shape);
      return null;
    }
    e.rechecks++;
    e.checkedInPass = pass;
    return e.reason;
  }

  void put(TaskShape shape, String reason) {
    entries.put(shape, new Entry(reason, pass));
  }

  /** Ends the pass; shapes not re-checked against this pass's gains can no longer be trusted. */
  void end(ClusterState state) {
    endVersion = state.version();
    if (!gainedNodes.isEmpty()) {
      entries.values().removeIf(e -> e.checkedInPass != pass);
    }
    gainedNodes = List.of();
  }

  int size() {
    return entries.size();
  }
}
