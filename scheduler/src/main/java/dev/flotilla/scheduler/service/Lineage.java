package dev.flotilla.scheduler.service;

import dev.flotilla.protocol.common.v1.TaskArg;
import java.util.logging.Logger;

/**
 * Lineage reconstruction: a stored task result keeps the spec of the task that made it (and the
 * references on that task's arguments), so that when every copy is lost with its node, the task
 * runs again instead of the object failing. Objects from {@code put} have no lineage and fail
 * with OBJECT_LOST. Called only from the {@link Coordinator} under its lock.
 */
final class Lineage {
  private static final Logger LOG = Logger.getLogger(Lineage.class.getName());

  private final Coordinator c;

  Lineage(Coordinator c) {
    this.c = c;
  }

  /**
   * A task finished: a stored result keeps its lineage. Returns true when the task's argument
   * references now belong to the lineage (so the caller must not release them).
   */
  boolean keep(TaskEntry t, ObjectEntry result) {
    if (t.actor != null || result == null) {
      return false;
    }
    if (result.state == ObjectEntry.State.STORED) {
      if (result.lineage == null) {
        result.lineage = t.spec;
        result.rebuildsLeft = t.spec.getMaxRetries();
      }
      return true;
    }
    if (result.lineage != null) {
      // A rebuild failed: the references it held go now, with the lineage.
      result.lineage = null;
      return false;
    }
    return false;
  }

  /** The object is freed: its lineage's argument references go too. */
  void released(ObjectEntry o) {
    if (o.lineage == null) {
      return;
    }
    var spec = o.lineage;
    o.lineage = null;
    for (TaskArg a : spec.getArgsList()) {
      if (a.hasObjectId()) {
        c.decRef(a.getObjectId());
      }
    }
  }

  /** Every copy is gone: re-runs the producing task if it may. Returns false if it cannot. */
  boolean rebuild(ObjectEntry o, String why) {
    if (o.lineage == null || o.rebuildsLeft == 0 || c.tasks.containsKey(o.id)) {
      return false;
    }
    if (o.rebuildsLeft > 0) {
      o.rebuildsLeft--;
    }
    o.state = ObjectEntry.State.PENDING;
    o.size = 0;
    LOG.info(() -> "object " + o.id + " lost (" + why + "); re-running task " + o.lineage.getName());
    var task = new TaskEntry(o.lineage, c.now());
    task.attempt = 1;
    c.enqueue(task, o.jobId, false);
    return true;
  }
}
