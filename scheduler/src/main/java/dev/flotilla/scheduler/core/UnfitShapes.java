package dev.flotilla.scheduler.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Remembers which task shapes fit on no node, and why, across {@link TaskQueue#schedule} calls.
 *
 * <p>Why it is sound: filters are monotone in free resources (see {@link FilterPlugin}), and within
 * one pass the queue only reserves, so a shape that did not fit keeps not fitting for the rest of
 * the pass. Between passes, only nodes that {@link ClusterState#nodesGainedSince gained} room can
 * change that, so each remembered shape is re-checked (on first use in a pass) against those few
 * nodes alone instead of the whole fleet.
 *
 * <p>The numbers in a reason ("the most free on any node is CPU:2 (node n3)") age as the fleet
 * changes, so a shape is planned afresh once its reason is older than {@link #REFRESH_AFTER} of the
 * callers' {@code now}: the cost of fresh reasons is bounded per second, not per event.
 */
final class UnfitShapes {
  static final Duration REFRESH_AFTER = Duration.ofSeconds(1);

  private static final class Entry {
    final String reason;
    final Instant planned;
    long checkedInPass;

    Entry(String reason, Instant planned, long pass) {
      this.reason = reason;
      this.planned = planned;
      this.checkedInPass = pass;
    }
  }

  private final Map<TaskShape, Entry> entries = new HashMap<>();
  private final ShapeTable shapes;
  private ClusterState owner;
  private long endVersion = Long.MIN_VALUE;
  private long pass;
  private Instant now = Instant.MIN;
  private List<String> gainedNodes = List.of();

  UnfitShapes(ShapeTable shapes) {
    this.shapes = shapes;
  }

  /** Starts a pass over {@code state} at {@code now}. */
  void begin(ClusterState state, Instant now) {
    pass++;
    this.now = now;
    if (state != owner) {
      List.copyOf(entries.keySet()).forEach(this::forget);
      owner = state;
      gainedNodes = List.of();
      return;
    }
    List<String> ids = new ArrayList<>();
    state.nodesGainedSince(endVersion).forEach(n -> ids.add(n.nodeId()));
    gainedNodes = ids;
  }

  /**
   * The reason {@code shape} still fits nowhere, or null when it is unknown, may fit now, or its
   * reason is due for a refresh (then it is forgotten). {@code fits} says whether one node, as it
   * is now, passes every filter.
   */
  String reasonIfStillUnfit(TaskShape shape, Predicate<String> fits) {
    Entry e = entries.get(shape);
    if (e == null) {
      return null;
    }
    if (e.checkedInPass == pass) {
      return e.reason;
    }
    if (now.isAfter(e.planned.plus(REFRESH_AFTER)) || anyFits(fits)) {
      forget(shape);
      return null;
    }
    e.checkedInPass = pass;
    return e.reason;
  }

  /** Remembers that {@code shape} fits nowhere; keeps the shape interned meanwhile. */
  void put(TaskShape shape, String reason) {
    if (entries.put(shape, new Entry(reason, now, pass)) == null) {
      shapes.retain(shape);
    }
  }

  private boolean anyFits(Predicate<String> fits) {
    for (String nodeId : gainedNodes) {
      if (fits.test(nodeId)) {
        return true;
      }
    }
    return false;
  }

  private void forget(TaskShape shape) {
    entries.remove(shape);
    shapes.release(shape);
  }

  /** Ends the pass; shapes not re-checked against this pass's gains can no longer be trusted. */
  void end(ClusterState state) {
    endVersion = state.version();
    if (!gainedNodes.isEmpty()) {
      List<TaskShape> stale = new ArrayList<>();
      entries.forEach(
          (shape, e) -> {
            if (e.checkedInPass != pass) {
              stale.add(shape);
            }
          });
      stale.forEach(this::forget);
    }
    gainedNodes = List.of();
  }
}
