package dev.flotilla.scheduler.service;

import dev.flotilla.protocol.scheduler.v1.ActorCallSpec;

/** One method call on an actor until it finishes. Guarded by the coordinator's lock. */
final class CallEntry {
  final ActorCallSpec spec;
  int attempt;
  /** Retries left after actor death; negative means unlimited. */
  int retriesLeft;
  /** When it was last sent to the actor's executor (or adopted after a restart); null before. */
  java.time.Instant sentAt;

  CallEntry(ActorCallSpec spec, int retriesLeft) {
    this.spec = spec;
    this.retriesLeft = retriesLeft;
  }
}
