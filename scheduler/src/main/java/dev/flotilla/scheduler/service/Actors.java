package dev.flotilla.scheduler.service;

import com.google.protobuf.ByteString;
import dev.flotilla.protocol.common.v1.ErrorInfo;
import dev.flotilla.protocol.common.v1.TaskArg;
import dev.flotilla.protocol.scheduler.v1.ActorCallSpec;
import dev.flotilla.protocol.scheduler.v1.ActorSpec;
import dev.flotilla.protocol.scheduler.v1.KillActor;
import dev.flotilla.protocol.scheduler.v1.NodeCommand;
import dev.flotilla.protocol.scheduler.v1.TaskAssignment;
import dev.flotilla.protocol.scheduler.v1.TaskFinishedRequest;
import dev.flotilla.protocol.scheduler.v1.TaskSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Actors: creation (placed like a task, then its resources held for the actor's life), calls in
 * submission order, death, restarts and kills. Called only from the {@link Coordinator} under its
 * lock.
 */
final class Actors {
  private static final Logger LOG = Logger.getLogger(Actors.class.getName());

  private final Coordinator c;
  private final Map<String, ActorEntry> byId = new HashMap<>();
  private final Map<String, String> byName = new HashMap<>();
  /** Call task id → actor id, for calls not yet finished. */
  private final Map<String, String> calls = new HashMap<>();

  Actors(Coordinator c) {
    this.c = c;
  }

  /** Accepts a new actor; returns null, or why not (a name clash starts with "ALREADY_EXISTS"). */
  String create(ActorSpec spec, SessionEntry session) {
    if (byId.containsKey(spec.getActorId())) {
      return null;
    }
    String key = nameKey(session.tenancy, spec.getNamespace(), spec.getName());
    if (!spec.getName().isEmpty() && byName.containsKey(key)) {
      return "ALREADY_EXISTS: an actor named '" + spec.getName() + "' already lives in namespace '"
          + spec.getNamespace() + "'; get it with getActor or kill it first";
    }
    if (!spec.getJobId().equals(session.jobId)) {
      return "the actor's job_id " + spec.getJobId() + " is not its session's job";
    }
    if (c.unknownArgument(session, spec.getArgsList()) != null) {
      return "a constructor argument is unknown: it was freed or never existed";
    }
    if (!spec.getPlacementGroupId().isEmpty() && !c.groups.visible(spec.getPlacementGroupId(), session.tenancy)) {
      return "placement group " + spec.getPlacementGroupId() + " does not exist (removed, or never created)";
    }
    if (spec.getResources().getAmountsOrDefault("GPU", 0) > 0 && c.quotas.gpuBudgetSpent(session.tenancy) != null) {
      return "QUOTA_EXCEEDED: " + c.quotas.gpuBudgetSpent(session.tenancy);
    }
    var actor = new ActorEntry(spec);
    actor.tenancy = session.tenancy;
    if (!session.tenancy.tenant().isEmpty()) {
      c.jobs.put(actor.executorJob, session.tenancy);
    }
    c.store.actorSaved(row(actor)); // durable before it is acknowledged
    byId.put(actor.id(), actor);
    if (!spec.getName().isEmpty()) {
      byName.put(key, actor.id());
    }
    var ready = new ObjectEntry(actor.id(), session.jobId);
    c.objects.put(ready.id, ready);
    c.addRef(session, ready.id);
    startCreation(actor, true);
    return null;
  }

  /** The actor as the state store keeps it. */
  private static dev.flotilla.scheduler.state.ClusterStateStore.ActorRow row(ActorEntry a) {
    String node = a.state == ActorEntry.State.ALIVE && a.reservation != null ? a.reservation.nodeId() : "";
    String state = a.state == ActorEntry.State.RECOVERING ? "CREATING" : a.state.name();
    return new dev.flotilla.scheduler.state.ClusterStateStore.ActorRow(a.id(), a.spec.getJobId(), a.spec.getDetached(),
        a.spec.toByteArray(), state, node, a.incarnation, a.restartsLeft, a.deathReason == null ? "" : a.deathReason,
        a.tenancy.tenant(), a.tenancy.workspace());
  }

  private void save(ActorEntry a) {
    c.persist(() -> c.store.actorSaved(row(a)));
  }

  private void startCreation(ActorEntry a, boolean first) {
    var t = new TaskEntry(creationSpec(a, first), c.now());
    t.actor = a;
    a.creationTaskId = t.spec.getTaskId();
    c.enqueue(t, a.executorJob, first);
    if (!c.tasks.containsKey(t.spec.getTaskId()) && a.state == ActorEntry.State.CREATING) {
      markDead(a, "a constructor argument failed or was lost");
    }
  }

  private static TaskSpec creationSpec(ActorEntry a, boolean first) {
    return TaskSpec.newBuilder()
        .setTaskId(first ? a.id() : a.id() + "~" + a.incarnation)
        .setJobId(a.executorJob)
        .setSessionId(a.spec.getSessionId())
        .setName(a.describe())
        .setFunction(a.spec.getConstructor())
        .addAllArgs(a.spec.getArgsList())
        .setResources(a.spec.getResources())
        .addAllCodePackage(a.spec.getCodePackageList())
        .putAllLabelSelector(a.spec.getLabelSelectorMap())
        .setPlacementGroupId(a.spec.getPlacementGroupId())
        .setBundleIndex(a.spec.getBundleIndex())
        .build();
  }

  /** The constructor finished (or its executor died while it ran). */
  void creationFinished(TaskEntry t, TaskFinishedRequest r) {
    ActorEntry a = t.actor;
    boolean first = t.spec.getTaskId().equals(a.id());
    switch (r.getOutcomeCase()) {
      case INLINE_RESULT, STORED_SIZE -> {
        a.reservation = t.reservation;
        t.reservation = null;
        c.tasks.remove(t.spec.getTaskId());
        c.queue.remove(t.spec.getTaskId());
        a.state = ActorEntry.State.ALIVE;
        a.aliveSince = c.now();
        LOG.info(() -> a.describe() + " alive on " + a.reservation.nodeId() + " (incarnation " + a.incarnation + ")");
        save(a);
        ObjectEntry ready = c.objects.get(a.id());
        if (ready != null && !ready.isReady()) {
          c.settle(a.id(), r.hasInlineResult() ? r.getInlineResult() : ByteString.EMPTY, 0, null, null);
        }
        pump(a);
      }
      case ERROR -> {
        ErrorInfo e = r.getError();
        if (e.getKind() == ErrorInfo.Kind.EXECUTOR_DIED || e.getKind() == ErrorInfo.Kind.NODE_DIED) {
          died(a, e.getMessage());
        } else {
          if (first) {
            c.settle(a.id(), null, 0, null, e);
          }
          markDead(a, "its constructor threw " + e.getExceptionClass() + ": " + e.getMessage());
        }
      }
      case OUTCOME_NOT_SET -> markDead(a, "the node reported no outcome for its constructor");
    }
  }

  /** Accepts a call; returns null, or why not. */
  String call(ActorCallSpec spec, SessionEntry session) {
    if (calls.containsKey(spec.getTaskId()) || c.objects.containsKey(spec.getTaskId())) {
      if (c.recovery.claim(spec.getTaskId())) {
        c.addRef(session, spec.getTaskId()); // its result outlived the restart on a node
      }
      return null;
    }
    ActorEntry a = byId.get(spec.getActorId());
    if (a == null || !a.tenancy.equals(session.tenancy)) {
      return "unknown actor " + spec.getActorId();
    }
    String unknown = c.unknownArgument(session, spec.getArgsList());
    if (unknown != null) {
      return unknown;
    }
    var result = new ObjectEntry(spec.getTaskId(), session.jobId);
    c.objects.put(result.id, result);
    c.addRef(session, result.id);
    for (TaskArg arg : spec.getArgsList()) {
      if (arg.hasObjectId()) {
        c.objects.get(arg.getObjectId()).refCount++;
      }
    }
    var call = new CallEntry(spec, a.spec.getMaxTaskRetries());
    calls.put(spec.getTaskId(), a.id());
    if (a.state == ActorEntry.State.DEAD) {
      complete(call, null, 0, null, actorDiedError(a.describe() + " is dead: " + a.deathReason, spec.getName()));
      return null;
    }
    var order = a.callers.computeIfAbsent(session.id, k -> new ActorEntry.CallerOrder());
    if (spec.getSequence() != order.next) {
      order.early.put(spec.getSequence(), call); // an earlier call of this caller is still on its way
      return null;
    }
    a.pending.addLast(call);
    order.next++;
    for (CallEntry next; (next = order.early.remove(order.next)) != null; order.next++) {
      a.pending.addLast(next);
    }
    pump(a);
    return null;
  }

  boolean isCall(String taskId) {
    return calls.containsKey(taskId);
  }

  /** Sends the calls whose arguments are ready, in order; stops at the first still waiting. */
  private void pump(ActorEntry a) {
    while (a.state == ActorEntry.State.ALIVE && !a.pending.isEmpty()) {
      CallEntry call = a.pending.peekFirst();
      ErrorInfo failed = null;
      boolean waiting = false;
      for (TaskArg arg : call.spec.getArgsList()) {
        if (arg.hasObjectId()) {
          ObjectEntry o = c.objects.get(arg.getObjectId());
          if (o == null || o.state == ObjectEntry.State.FAILED) {
            failed = o == null ? actorDiedError("argument " + arg.getObjectId() + " is gone", call.spec.getName()) : o.error;
          } else if (!o.isReady()) {
            waiting = true;
          }
        }
      }
      if (waiting && failed == null) {
        return;
      }
      a.pending.pollFirst();
      if (failed != null) {
        complete(call, null, 0, null, failed);
        continue;
      }
      if (adoptOrphan(a, call)) {
        continue;
      }
      a.inFlight.put(call.spec.getTaskId(), call);
      call.sentAt = c.now();
      NodeLink node = c.nodes.get(a.reservation.nodeId());
      node.send(NodeCommand.newBuilder().setAssign(TaskAssignment.newBuilder()
          .setTaskId(call.spec.getTaskId())
          .setAttempt(call.attempt)
          .setJobId(a.executorJob)
          .setName(call.spec.getName())
          .setFunction(call.spec.getFunction())
          .addAllArgs(c.argSources(call.spec.getArgsList()))
          .addAllCodePackage(a.spec.getCodePackageList())
          .setReturnObjectId(call.spec.getTaskId())
          .addAllGpuIndices(a.reservation.gpuIndices())
          .setActorId(a.id())
          .setActorIncarnation(a.incarnation)
          .setMaxConcurrency(a.spec.getMaxConcurrency())
          .setTenant(a.tenancy.tenant())).build());
    }
  }

  /**
   * A call re-sent after a scheduler restart that the actor still runs, or already ran, is adopted
   * rather than run again. True when adopted.
   */
  private boolean adoptOrphan(ActorEntry a, CallEntry call) {
    if (!c.recovery.inWindow()) {
      return false;
    }
    String id = call.spec.getTaskId();
    TaskFinishedRequest done = c.recovery.takeResult(id);
    Recovery.Orphan running = done == null ? c.recovery.takeRunning(id) : null;
    if (done == null && running == null) {
      return false;
    }
    call.attempt = done != null ? done.getAttempt() : running.attempt();
    a.inFlight.put(id, call);
    call.sentAt = c.now();
    if (done != null) {
      callFinished(done);
    }
    return true;
  }

  void callFinished(TaskFinishedRequest r) {
    c.recovery.orphanEnded(r);
    ActorEntry a = byId.get(calls.get(r.getTaskId()));
    CallEntry call = a == null ? null : a.inFlight.get(r.getTaskId());
    if (call == null && a != null && c.recovery.inWindow()) {
      // Ran before the restart, re-sent but not yet sent on: it is done, not to be run again.
      for (CallEntry p : a.pending) {
        if (p.spec.getTaskId().equals(r.getTaskId()) && p.attempt == r.getAttempt()) {
          a.pending.remove(p);
          a.inFlight.put(p.spec.getTaskId(), p);
          p.sentAt = c.now();
          call = p;
          break;
        }
      }
    }
    if (call == null || call.attempt != r.getAttempt()) {
      return;
    }
    switch (r.getOutcomeCase()) {
      case INLINE_RESULT -> complete(call, r.getInlineResult(), 0, null, null);
      case STORED_SIZE -> complete(call, null, r.getStoredSize(), r.getNodeId(), null);
      case ERROR -> {
        ErrorInfo.Kind k = r.getError().getKind();
        if (k != ErrorInfo.Kind.EXECUTOR_DIED && k != ErrorInfo.Kind.NODE_DIED) {
          complete(call, null, 0, null, r.getError());
        }
        // A dead executor is reported as the actor's death, which retries or fails its calls.
      }
      case OUTCOME_NOT_SET -> complete(call, null, 0, null, actorDiedError("no outcome reported", call.spec.getName()));
    }
  }

  private void complete(CallEntry call, ByteString inline, long size, String nodeId, ErrorInfo error) {
    String id = call.spec.getTaskId();
    calls.remove(id);
    ActorEntry a = byId.get(call.spec.getActorId());
    if (a != null) {
      a.inFlight.remove(id);
    }
    c.finishedTasks++;
    for (TaskArg arg : call.spec.getArgsList()) {
      if (arg.hasObjectId()) {
        c.decRef(arg.getObjectId());
      }
    }
    c.settle(id, inline, size, nodeId, error);
  }

  /** A node reported the actor's executor dead. */
  void executorDied(String actorId, int incarnation, String message) {
    ActorEntry a = byId.get(actorId);
    if (a != null && a.incarnation == incarnation && a.state != ActorEntry.State.DEAD) {
      died(a, message);
    }
  }

  void nodeDied(String nodeId, String why) {
    for (ActorEntry a : List.copyOf(byId.values())) {
      TaskEntry creation = c.tasks.get(a.creationTaskId);
      boolean onNode = (a.reservation != null && a.reservation.nodeId().equals(nodeId))
          || (creation != null && creation.reservation != null && creation.reservation.nodeId().equals(nodeId));
      if (onNode && a.state != ActorEntry.State.DEAD) {
        died(a, why);
      }
    }
  }

  /** The actor's process is gone: retry or fail its calls, then restart it if it may. */
  private void died(ActorEntry a, String reason) {
    a.lastDeath = reason;
    releaseAll(a);
    List<CallEntry> retry = new ArrayList<>();
    for (CallEntry call : List.copyOf(a.inFlight.values())) {
      if (call.retriesLeft != 0) {
        if (call.retriesLeft > 0) {
          call.retriesLeft--;
        }
        call.attempt++;
        retry.add(call);
        a.inFlight.remove(call.spec.getTaskId());
      } else {
        complete(call, null, 0, null, actorDiedError(a.describe() + " died while running this call (" + reason
            + "); maxTaskRetries=" + a.spec.getMaxTaskRetries(), call.spec.getName()));
      }
    }
    for (int i = retry.size() - 1; i >= 0; i--) {
      a.pending.addFirst(retry.get(i));
    }
    if (a.restartsLeft != 0) {
      if (a.restartsLeft > 0) {
        a.restartsLeft--;
      }
      a.incarnation++;
      a.state = ActorEntry.State.CREATING;
      LOG.info(() -> a.describe() + " died (" + reason + "); restarting, incarnation " + a.incarnation);
      save(a);
      startCreation(a, false);
    } else {
      markDead(a, "it died (" + reason + ") and has no restarts left (maxRestarts=" + a.spec.getMaxRestarts() + ")");
    }
  }

  /** Kills an actor for good (fl.kill, or its job ended). */
  void kill(String actorId, String reason) {
    ActorEntry a = byId.get(actorId);
    if (a == null || a.state == ActorEntry.State.DEAD) {
      return;
    }
    String node = a.reservation != null ? a.reservation.nodeId()
        : a.state == ActorEntry.State.RECOVERING && !a.recoverNode.isEmpty() ? a.recoverNode : null;
    TaskEntry creation = c.tasks.get(a.creationTaskId);
    if (node == null && creation != null && creation.reservation != null) {
      node = creation.reservation.nodeId();
    }
    if (node != null && c.nodes.containsKey(node)) {
      c.nodes.get(node).send(NodeCommand.newBuilder().setKillActor(KillActor.newBuilder().setActorId(actorId)).build());
    }
    markDead(a, reason);
  }

  /** Kills every actor placed in a placement group being removed. */
  void killInGroup(String groupId, String reason) {
    for (ActorEntry a : List.copyOf(byId.values())) {
      if (a.spec.getPlacementGroupId().equals(groupId)) {
        kill(a.id(), reason);
      }
    }
  }

  void jobEnded(String jobId) {
    for (ActorEntry a : List.copyOf(byId.values())) {
      if (a.spec.getJobId().equals(jobId) && !a.spec.getDetached()) {
        kill(a.id(), "its job ended (the driver disconnected)");
      }
      if (a.state == ActorEntry.State.DEAD && a.spec.getJobId().equals(jobId)) {
        byId.remove(a.id());
      }
    }
  }

  private void markDead(ActorEntry a, String reason) {
    if (a.state == ActorEntry.State.DEAD) {
      return;
    }
    releaseAll(a);
    a.state = ActorEntry.State.DEAD;
    a.deathReason = reason;
    LOG.info(() -> a.describe() + " is dead: " + reason);
    save(a);
    ErrorInfo error = actorDiedError(a.describe() + " is dead: " + reason, "");
    for (CallEntry call : List.copyOf(a.inFlight.values())) {
      complete(call, null, 0, null, error.toBuilder().setTaskName(call.spec.getName()).build());
    }
    while (!a.pending.isEmpty()) {
      CallEntry call = a.pending.pollFirst();
      complete(call, null, 0, null, error.toBuilder().setTaskName(call.spec.getName()).build());
    }
    for (ActorEntry.CallerOrder order : a.callers.values()) {
      for (CallEntry call : order.early.values()) {
        complete(call, null, 0, null, error.toBuilder().setTaskName(call.spec.getName()).build());
      }
      order.early.clear();
    }
    byName.remove(nameKey(a.tenancy, a.spec.getNamespace(), a.spec.getName()), a.id());
    ObjectEntry ready = c.objects.get(a.id());
    if (ready != null && !ready.isReady()) {
      c.settle(a.id(), null, 0, null, error);
    }
    for (TaskArg arg : a.spec.getArgsList()) {
      if (arg.hasObjectId()) {
        c.decRef(arg.getObjectId());
      }
    }
  }

  /** Frees the actor's resources and drops a creation still queued or running. */
  private void releaseAll(ActorEntry a) {
    if (a.aliveSince != null && a.reservation != null) {
      double seconds = java.time.Duration.between(a.aliveSince, c.now()).toNanos() / 1e9;
      c.usage.add(a.tenancy, a.executorJob, a.reservation.resources(), seconds, false);
      c.quotas.spendGpu(a.tenancy, a.reservation.resources().get("GPU") * seconds);
      a.aliveSince = null;
    }
    if (a.reservation != null) {
      c.releaseResources(a.reservation);
      a.reservation = null;
    }
    TaskEntry creation = c.tasks.remove(a.creationTaskId);
    if (creation != null) {
      c.releaseReservation(creation);
      c.queue.remove(creation.spec.getTaskId());
    }
  }

  /** An object became final: calls waiting on it may go now. */
  void objectReady(ObjectEntry o) {
    for (ActorEntry a : byId.values()) {
      if (a.state == ActorEntry.State.ALIVE && !a.pending.isEmpty()) {
        pump(a);
      }
    }
  }

  // ---- after a scheduler restart ------------------------------------------------------------

  /** Reads an actor back from the state store: dead, or recovering until its node reports it. */
  void restore(dev.flotilla.scheduler.state.ClusterStateStore.ActorRow row) {
    ActorSpec spec;
    try {
      spec = ActorSpec.parseFrom(row.spec());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      LOG.warning(() -> "stored actor " + row.actorId() + " is unreadable, dropped: " + e.getMessage());
      return;
    }
    var a = new ActorEntry(spec);
    a.tenancy = new Tenancy(row.tenant(), row.workspace());
    if (!a.tenancy.tenant().isEmpty()) {
      c.jobs.put(a.executorJob, a.tenancy);
    }
    a.incarnation = row.incarnation();
    a.restartsLeft = row.restartsLeft();
    a.creationTaskId = a.incarnation == 0 ? a.id() : a.id() + "~" + a.incarnation;
    byId.put(a.id(), a);
    var ready = new ObjectEntry(a.id(), spec.getJobId());
    c.objects.put(ready.id, ready);
    if (row.state().equals("DEAD")) {
      a.state = ActorEntry.State.DEAD;
      a.deathReason = row.deathReason();
      ready.state = ObjectEntry.State.FAILED;
      ready.error = actorDiedError(a.describe() + " is dead: " + a.deathReason, "");
      return;
    }
    a.state = ActorEntry.State.RECOVERING;
    a.recoverNode = row.nodeId();
    if (row.state().equals("ALIVE")) {
      ready.state = ObjectEntry.State.INLINE;
      ready.inline = ByteString.EMPTY;
    }
    if (!spec.getName().isEmpty()) {
      byName.put(nameKey(a.tenancy, spec.getNamespace(), spec.getName()), a.id());
    }
  }

  /** A node reports the actor's executor alive: it keeps running, with its resources re-reserved. */
  boolean adopt(dev.flotilla.protocol.scheduler.v1.LiveActor live, String nodeId) {
    ActorEntry a = byId.get(live.getActorId());
    if (a == null || a.state != ActorEntry.State.RECOVERING || a.incarnation != live.getIncarnation()) {
      return a != null && a.state == ActorEntry.State.ALIVE && a.reservation != null
          && a.reservation.nodeId().equals(nodeId) && a.incarnation == live.getIncarnation();
    }
    var r = c.recovery.adoptReservation(nodeId, a.spec.getResources().getAmountsMap(), live.getGpuIndicesList(),
        a.spec.getPlacementGroupId(), Math.max(0, a.spec.getBundleIndex()));
    if (r == null) {
      return false;
    }
    a.reservation = r;
    a.state = ActorEntry.State.ALIVE;
    a.aliveSince = c.now();
    a.recoverNode = "";
    LOG.info(() -> a.describe() + " kept running on " + nodeId + " across the scheduler restart");
    save(a);
    ObjectEntry ready = c.objects.get(a.id());
    if (ready != null && !ready.isReady()) {
      c.settle(a.id(), ByteString.EMPTY, 0, null, null);
    }
    pump(a);
    return true;
  }

  /** A node reports the actor's constructor still running: the creation goes on there. */
  boolean adoptCreation(dev.flotilla.protocol.scheduler.v1.RunningWork w, String nodeId) {
    ActorEntry a = byId.get(w.getActorId());
    if (a == null || a.state != ActorEntry.State.RECOVERING || !a.recoverNode.isEmpty()
        || !w.getTaskId().equals(a.creationTaskId)) {
      return false;
    }
    var r = c.recovery.adoptReservation(nodeId, w.getResources().getAmountsMap(), w.getGpuIndicesList(),
        w.getPlacementGroupId(), w.getBundleIndex());
    if (r == null) {
      return false;
    }
    var t = new TaskEntry(creationSpec(a, a.incarnation == 0), c.now());
    t.actor = a;
    t.markRunning(c.now());
    t.attempt = w.getAttempt();
    t.reservation = r;
    c.tasks.put(t.spec.getTaskId(), t);
    a.state = ActorEntry.State.CREATING;
    return true;
  }

  /** The recovery window ended: an actor no node reported is treated as dead (and may restart). */
  void recoveryEnded() {
    for (ActorEntry a : List.copyOf(byId.values())) {
      if (a.state != ActorEntry.State.RECOVERING) {
        continue;
      }
      if (a.recoverNode.isEmpty()) {
        a.state = ActorEntry.State.CREATING; // its creation was lost with the old scheduler: start it again
        startCreation(a, false);
      } else {
        died(a, "node " + a.recoverNode + " did not report it after the scheduler restarted");
      }
    }
  }

  /** Every actor known: alive, being created, recovering, or dead and not yet forgotten. */
  java.util.Collection<ActorEntry> all() {
    return byId.values();
  }

  /** The live named actor of that tenancy, namespace and name, or null. */
  ActorEntry byName(Tenancy t, String namespace, String name) {
    String id = byName.get(nameKey(t, namespace, name));
    return id == null ? null : byId.get(id);
  }

  /** The actor, when it belongs to {@code t}. */
  ActorEntry visible(String actorId, Tenancy t) {
    ActorEntry a = byId.get(actorId);
    return a != null && a.tenancy.equals(t) ? a : null;
  }

  /** Named actors are unique per (tenant, workspace, namespace, name). */
  private static String nameKey(Tenancy t, String namespace, String name) {
    return t.workspaceKey() + "/" + namespace + "/" + name;
  }

  private static ErrorInfo actorDiedError(String message, String taskName) {
    return ErrorInfo.newBuilder()
        .setKind(ErrorInfo.Kind.ACTOR_DIED)
        .setExceptionClass("dev.flotilla.api.ActorDiedException")
        .setTaskName(taskName)
        .setMessage(message)
        .build();
  }
}
