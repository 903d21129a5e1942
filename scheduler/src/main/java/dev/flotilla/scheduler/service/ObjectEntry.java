package dev.flotilla.scheduler.service;

import com.google.protobuf.ByteString;
import dev.flotilla.protocol.common.v1.ErrorInfo;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One object the scheduler knows: pending (its task has not finished), inline bytes, stored on
 * nodes, or failed. Guarded by the coordinator's lock.
 */
final class ObjectEntry {
  enum State { PENDING, INLINE, STORED, FAILED }

  final String id;
  final String jobId;
  State state = State.PENDING;
  ByteString inline;
  long size;
  final Set<String> nodes = new LinkedHashSet<>();
  ErrorInfo error;
  /** Sessions' handles plus pending tasks that take it as an argument. */
  int refCount;
  /** The task that produced this stored object, kept to rebuild it if every copy is lost. */
  dev.flotilla.protocol.scheduler.v1.TaskSpec lineage;
  /** Rebuilds left (the producing task's retries); negative means unlimited. */
  int rebuildsLeft;

  ObjectEntry(String id, String jobId) {
    this.id = id;
    this.jobId = jobId;
  }

  boolean isReady() {
    return state != State.PENDING;
  }
}
