package dev.flotilla.scheduler.core;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** A task inside {@link TaskQueue}: mutable, package-private. */
final class QueuedTask {
  static final String NOT_YET_SCHEDULED = "ready; waiting for the next scheduling pass";

  final String jobId;
  final long seq;
  final Instant since;
  final Set<String> unresolved;
  final Map<String, Long> argBytes;
  final TaskShape shape;
  PlacementRequest request;
  String reason = NOT_YET_SCHEDULED;

  QueuedTask(
      String jobId,
      long seq,
      PlacementRequest request,
      TaskShape shape,
      Set<String> unresolved,
      Instant since) {
    this.jobId = jobId;
    this.seq = seq;
    this.request = request;
    this.unresolved = new LinkedHashSet<>(unresolved);
    this.argBytes = new HashMap<>(request.argBytesByNode());
    this.since = since;
    this.shape = shape;
  }

  boolean ready() {
    return unresolved.isEmpty();
  }

  /** Records that {@code objectId} is available; true when it was the last one missing. */
  boolean resolve(String objectId, Map<String, Long> bytesByNode) {
    if (!unresolved.remove(objectId)) {
      return false;
    }
    bytesByNode.forEach((node, bytes) -> argBytes.merge(node, bytes, Long::sum));
    if (unresolved.isEmpty()) {
      request = request.withArgBytes(argBytes);
      return true;
    }
    return false;
  }

  String currentReason() {
    return ready() ? reason : "waiting for " + Plural.of(unresolved.size(), "argument");
  }

  PendingView view() {
    return new PendingView(request.taskId(), request.name(), currentReason(), since);
  }
}
