package dev.flotilla.scheduler.service;

import dev.flotilla.protocol.scheduler.v1.ActorCallSpec;

/** One method call on an actor until it finishes. Guarded by the coordinator's lock. */
final class CallEntry {
  final ActorCallSpec spec;
  int attempt;
  /** Retries left after actor death; negative means unlimited. */
  int retriesLeft;

  CallEntry(ActorCallSpec spec, int retriesLeft) {
    this.spec = spec;
    this.retriesLeft = retriesLeft;
  }
}
