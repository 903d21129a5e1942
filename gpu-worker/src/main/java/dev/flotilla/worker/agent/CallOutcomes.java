package dev.flotilla.worker.agent;

import dev.flotilla.protocol.scheduler.v1.TaskFinishedRequest;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcomes of actor calls this node's live actors ran, newest last, bounded by count and
 * bytes. A restarted scheduler re-sends calls whose results it lost; when the same actor
 * incarnation is asked to run a call it already ran, the node answers with the kept outcome
 * instead of running the call again, so a scheduler restart does not run calls twice. Entries go
 * when their actor's executor dies (a new incarnation must run its calls). Thread-safe.
 */
final class CallOutcomes {
  private record Kept(String actorId, TaskFinishedRequest outcome) {}

  private final int maxEntries;
  private final long maxBytes;
  private final Map<String, Kept> byTask = new LinkedHashMap<>();
  private long bytes;

  CallOutcomes(int maxEntries, long maxBytes) {
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
  }

  synchronized void keep(String actorId, TaskFinishedRequest outcome) {
    Kept old = byTask.put(outcome.getTaskId(), new Kept(actorId, outcome));
    if (old != null) {
      bytes -= old.outcome().getSerializedSize();
    }
    bytes += outcome.getSerializedSize();
    for (Iterator<Kept> it = byTask.values().iterator(); it.hasNext() && (byTask.size() > maxEntries || bytes > maxBytes); ) {
      bytes -= it.next().outcome().getSerializedSize();
      it.remove();
    }
  }

  /** The kept outcome of this call, if this node's actor ran it. */
  synchronized TaskFinishedRequest get(String actorId, String taskId) {
    Kept k = byTask.get(taskId);
    return k != null && k.actorId().equals(actorId) ? k.outcome() : null;
  }

  /** The actor's executor died: its calls' outcomes no longer stand for the next incarnation. */
  synchronized void forget(String actorId) {
    for (Iterator<Kept> it = byTask.values().iterator(); it.hasNext(); ) {
      Kept k = it.next();
      if (k.actorId().equals(actorId)) {
        bytes -= k.outcome().getSerializedSize();
        it.remove();
      }
    }
  }

  synchronized int size() {
    return byTask.size();
  }
}
