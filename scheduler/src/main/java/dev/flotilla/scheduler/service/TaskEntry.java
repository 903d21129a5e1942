package dev.flotilla.scheduler.service;

import dev.flotilla.protocol.scheduler.v1.TaskSpec;
import dev.flotilla.scheduler.core.Reservation;
import java.time.Instant;

/** A submitted task until it finishes for good. Guarded by the coordinator's lock. */
final class TaskEntry {
  enum State { QUEUED, RUNNING }

  final TaskSpec spec;
  final Instant submittedAt;
  State state = State.QUEUED;
  /** When its current attempt was placed (or adopted); null while queued. */
  Instant startedAt;
  int attempt;
  /** Retries left; negative means unlimited. */
  int retriesLeft;
  Reservation reservation;
  boolean blocked;
  /** Set when this task creates (or re-creates) an actor. */
  ActorEntry actor;

  TaskEntry(TaskSpec spec, Instant submittedAt) {
    this.spec = spec;
    this.submittedAt = submittedAt;
    this.retriesLeft = spec.getMaxRetries();
  }

  /** It was placed (or adopted) and runs from {@code now}. */
  void markRunning(Instant now) {
    state = State.RUNNING;
    startedAt = now;
  }

  boolean mayRetry() {
    return retriesLeft != 0;
  }

  void consumeRetry() {
    if (retriesLeft > 0) {
      retriesLeft--;
    }
    attempt++;
  }
}
