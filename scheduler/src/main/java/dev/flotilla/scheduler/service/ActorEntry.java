package dev.flotilla.scheduler.service;

import dev.flotilla.protocol.scheduler.v1.ActorSpec;
import dev.flotilla.scheduler.core.Reservation;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/** One actor and its calls. Guarded by the coordinator's lock. */
final class ActorEntry {
  /**
   * Lifecycle: creating (placing or constructing), alive on a node, or dead for good; recovering
   * after a scheduler restart until its node reports it (or the recovery window ends).
   */
  enum State { CREATING, ALIVE, DEAD, RECOVERING }

  final ActorSpec spec;
  /** The job its executor runs as: the creator's, or its own when detached. */
  final String executorJob;
  State state = State.CREATING;
  int incarnation;
  int restartsLeft;
  /** The current creation task's id. */
  String creationTaskId;
  Reservation reservation;
  String deathReason;
  /** Why its last incarnation died (it restarts, or it is dead); null while it never died. */
  String lastDeath;
  /** Whose actor this is: its name, calls and handle count only within this tenancy. */
  Tenancy tenancy = Tenancy.LOCAL;
  /** Since when its current incarnation holds its resources (usage metering); null while not alive. */
  java.time.Instant aliveSince;
  /** While recovering: the node it was alive on before the restart (empty if it was being created). */
  String recoverNode = "";
  /** Calls not yet sent, in submission order. */
  final Deque<CallEntry> pending = new ArrayDeque<>();
  /** Per calling session: the next sequence number due, and calls that arrived early. */
  final Map<String, CallerOrder> callers = new java.util.HashMap<>();
  /** Calls sent to the actor's executor, by task id. */
  final Map<String, CallEntry> inFlight = new LinkedHashMap<>();

  ActorEntry(ActorSpec spec) {
    this.spec = spec;
    this.executorJob = spec.getDetached() ? "detached-" + spec.getActorId() : spec.getJobId();
    this.restartsLeft = spec.getMaxRestarts();
    this.creationTaskId = spec.getActorId();
  }

  /** Puts calls back into each caller's order: only the next due number moves on. */
  static final class CallerOrder {
    long next;
    final java.util.TreeMap<Long, CallEntry> early = new java.util.TreeMap<>();
  }

  String id() {
    return spec.getActorId();
  }

  String describe() {
    return "actor " + spec.getClassName() + (spec.getName().isEmpty() ? "" : " '" + spec.getName() + "'")
        + " (" + id() + ")";
  }
}
