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
    String key = nameKey(spec.getNamespace(), spec.getName());
    if (!spec.getName().isEmpty() && byName.containsKey(key)) {
      return "ALREADY_EXISTS: an actor named '" + spec.getName() + "' already lives in namespace '"
          + spec.getNamespace() + "'; get it with getActor or kill it first";
    }
    for (TaskArg a : spec.getArgsList()) {
      if (a.hasObjectId() && !c.objects.containsKey(a.getObjectId())) {
        return "constructor argument " + a.getObjectId() + " is unknown: it was freed or never existed";
      }
    }
    var actor = new ActorEntry(spec);
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

  private void startCreation(ActorEntry a, boolean first) {
    var spec = TaskSpec.newBuilder()
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
    a.creationTaskId = spec.getTaskId();
    var t = new TaskEntry(spec, c.now());
    t.actor = a;
    c.enqueue(t, a.executorJob, first);
    if (!c.tasks.containsKey(spec.getTaskId()) && a.state == ActorEntry.State.CREATING) {
      markDead(a, "a constructor argument failed or was lost");
    }
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
        LOG.info(() -> a.describe() + " alive on " + a.reservation.nodeId() + " (incarnation " + a.incarnation + ")");
        if (first) {
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
      return null;
    }
    ActorEntry a = byId.get(spec.getActorId());
    if (a == null) {
      return "unknown actor " + spec.getActorId();
    }
    for (TaskArg arg : spec.getArgsList()) {
      if (arg.hasObjectId() && !c.objects.containsKey(arg.getObjectId())) {
        return "argument object " + arg.getObjectId() + " is unknown: it was freed or never existed";
      }
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
      a.inFlight.put(call.spec.getTaskId(), call);
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
          .setMaxConcurrency(a.spec.getMaxConcurrency())).build());
    }
  }

  void callFinished(TaskFinishedRequest r) {
    ActorEntry a = byId.get(calls.get(r.getTaskId()));
    CallEntry call = a == null ? null : a.inFlight.get(r.getTaskId());
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
    String node = a.reservation != null ? a.reservation.nodeId() : null;
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
    byName.remove(nameKey(a.spec.getNamespace(), a.spec.getName()), a.id());
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

  ActorEntry byName(String namespace, String name) {
    String id = byName.get(nameKey(namespace, name));
    return id == null ? null : byId.get(id);
  }

  private static String nameKey(String namespace, String name) {
    return namespace + "/" + name;
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
