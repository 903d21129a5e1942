package dev.flotilla.scheduler.service;

import dev.flotilla.protocol.common.v1.ResourceSet;
import dev.flotilla.protocol.scheduler.v1.ActorStatus;
import dev.flotilla.protocol.scheduler.v1.ClusterStatusResponse;
import dev.flotilla.protocol.scheduler.v1.RunningTask;
import dev.flotilla.scheduler.core.PendingView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The running tasks and the actors of one tenancy, for its dashboard: only work whose tenancy
 * equals the viewer's (another tenant's or workspace's never appears), capped at {@link #CAP} of
 * each with a truncation flag. Running tasks are listed oldest first; actors live ones first
 * (dead ones last, so a cap drops them first), then by id. Called under the coordinator's lock.
 */
final class WorkspaceWork {
  /** At most this many running tasks, and this many actors, per answer. */
  static final int CAP = 500;

  private final Coordinator c;

  WorkspaceWork(Coordinator c) {
    this.c = c;
  }

  /** Adds {@code viewer}'s running tasks and actors to {@code r}. */
  void addTo(ClusterStatusResponse.Builder r, Tenancy viewer) {
    List<RunningTask> running = running(viewer);
    r.addAllRunning(running.subList(0, Math.min(CAP, running.size()))).setRunningTruncated(running.size() > CAP);
    List<ActorStatus> actors = actors(viewer);
    r.addAllActors(actors.subList(0, Math.min(CAP, actors.size()))).setActorsTruncated(actors.size() > CAP);
  }

  private List<RunningTask> running(Tenancy viewer) {
    List<RunningTask> out = new ArrayList<>();
    for (TaskEntry t : c.tasks.values()) {
      Tenancy owner = t.actor != null ? t.actor.tenancy : c.tenancyOf(t.spec.getJobId());
      if (t.state != TaskEntry.State.RUNNING || !owner.equals(viewer)) {
        continue;
      }
      var task = RunningTask.newBuilder().setTaskId(t.spec.getTaskId()).setName(t.spec.getName())
          .setNodeId(t.reservation.nodeId()).setResources(t.spec.getResources()).setStartedAtMs(millis(t.startedAt))
          .setJobId(t.spec.getJobId()).setAttempt(t.attempt);
      if (t.actor != null) {
        task.setActorId(t.actor.id()).setActorCreation(true);
      }
      out.add(task.build());
    }
    for (ActorEntry a : c.actors.all()) {
      if (!a.tenancy.equals(viewer)) {
        continue;
      }
      String node = a.reservation != null ? a.reservation.nodeId() : a.recoverNode;
      for (CallEntry call : a.inFlight.values()) {
        out.add(RunningTask.newBuilder().setTaskId(call.spec.getTaskId()).setName(call.spec.getName()).setNodeId(node)
            .setResources(ResourceSet.getDefaultInstance()).setStartedAtMs(millis(call.sentAt))
            .setJobId(callerJob(call, a)).setActorId(a.id()).setAttempt(call.attempt).build());
      }
    }
    out.sort(Comparator.comparingLong(RunningTask::getStartedAtMs).thenComparing(RunningTask::getTaskId));
    return out;
  }

  private List<ActorStatus> actors(Tenancy viewer) {
    Map<String, String> waiting = new HashMap<>();
    for (PendingView p : c.queue.pending()) {
      waiting.put(p.taskId(), p.reason());
    }
    List<ActorStatus> out = new ArrayList<>();
    for (ActorEntry a : c.actors.all()) {
      if (a.tenancy.equals(viewer)) {
        out.add(status(a, waiting));
      }
    }
    out.sort(Comparator.comparing((ActorStatus s) -> s.getState() == ActorStatus.State.DEAD)
        .thenComparing(ActorStatus::getActorId));
    return out;
  }

  private ActorStatus status(ActorEntry a, Map<String, String> waiting) {
    TaskEntry creation = c.tasks.get(a.creationTaskId);
    ActorStatus.State state = switch (a.state) {
      case ALIVE -> ActorStatus.State.ALIVE;
      case DEAD -> ActorStatus.State.DEAD;
      case RECOVERING -> ActorStatus.State.RECOVERING;
      case CREATING -> a.incarnation == 0 ? ActorStatus.State.PENDING : ActorStatus.State.RESTARTING;
    };
    String reason = switch (state) {
      case DEAD -> a.deathReason;
      case RESTARTING -> a.lastDeath;
      case PENDING -> waiting.get(a.creationTaskId);
      default -> null;
    };
    String node = a.reservation != null ? a.reservation.nodeId()
        : creation != null && creation.reservation != null ? creation.reservation.nodeId() : a.recoverNode;
    return ActorStatus.newBuilder().setActorId(a.id()).setClassName(a.spec.getClassName()).setName(a.spec.getName())
        .setNamespace(a.spec.getNamespace()).setState(state).setReason(reason == null ? "" : reason)
        .setNodeId(state == ActorStatus.State.DEAD ? "" : node).setResources(a.spec.getResources())
        .setRestarts(a.incarnation).setJobId(a.spec.getJobId()).setDetached(a.spec.getDetached())
        .setCallsRunning(a.inFlight.size()).setCallsQueued(a.pending.size()).build();
  }

  /** The job of the session that made the call; the actor's creator's once that session closed. */
  private String callerJob(CallEntry call, ActorEntry a) {
    SessionEntry s = c.sessions.get(call.spec.getSessionId());
    return s != null ? s.jobId : a.spec.getJobId();
  }

  private static long millis(Instant at) {
    return at == null ? 0 : at.toEpochMilli();
  }
}
