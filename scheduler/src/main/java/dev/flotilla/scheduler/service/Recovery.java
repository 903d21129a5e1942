package dev.flotilla.scheduler.service;

import dev.flotilla.protocol.scheduler.v1.HeldObject;
import dev.flotilla.protocol.scheduler.v1.KillActor;
import dev.flotilla.protocol.scheduler.v1.LiveActor;
import dev.flotilla.protocol.scheduler.v1.NodeCommand;
import dev.flotilla.protocol.scheduler.v1.RegisterNodeRequest;
import dev.flotilla.protocol.scheduler.v1.RunningWork;
import dev.flotilla.protocol.scheduler.v1.TaskFinishedRequest;
import dev.flotilla.scheduler.core.Reservation;
import dev.flotilla.scheduler.core.Resources;
import dev.flotilla.scheduler.state.ClusterStateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Picking up after a scheduler restart. The state store gives back sessions, actors and placement
 * groups; nodes re-register and report what still runs and what they hold; clients re-send the
 * tasks and calls the restart lost. Work a node reports that no client has re-sent yet is an
 * <em>orphan</em>: its resources stay reserved, and its outcome is kept, so that the re-sent task
 * or call is adopted instead of run a second time. Whatever has not come back when the recovery
 * window ends is treated like a failure (actors restart, sessions close). Called only from the
 * {@link Coordinator} under its lock.
 */
final class Recovery {
  private static final Logger LOG = Logger.getLogger(Recovery.class.getName());
  /** Outcomes of unknown work kept for adoption; the oldest go first. */
  private static final int MAX_KEPT_RESULTS = 50_000;

  /** Work a node runs that no client has re-sent yet. */
  record Orphan(String nodeId, int attempt, Reservation reservation, String actorId) {}

  private final Coordinator c;
  private final Duration window;
  private final Duration settle;
  private Instant windowEnds;
  private Instant settleEnds;
  private final Map<String, Orphan> running = new HashMap<>();
  private final Map<String, TaskFinishedRequest> results = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, TaskFinishedRequest> eldest) {
      return size() > MAX_KEPT_RESULTS;
    }
  };
  /** Stored objects nodes reported that no session has claimed again. */
  private final Map<String, ObjectEntry> unclaimed = new HashMap<>();

  /**
   * @param window how long nodes and clients have to come back
   * @param settle how long placement waits after a restart for nodes to re-register (so work they
   *     still run is adopted, not started a second time)
   */
  Recovery(Coordinator c, Duration window, Duration settle) {
    this.c = c;
    this.window = window;
    this.settle = settle.compareTo(window) < 0 ? settle : window;
  }

  /** Reads back the stored state; opens the recovery window if there was any. */
  void restore(ClusterStateStore.Snapshot snapshot) {
    for (var row : snapshot.sessions()) {
      var s = new SessionEntry(row.sessionId(), row.jobId(), row.driver(), row.clientName(),
          new Tenancy(row.tenant(), row.workspace()));
      s.restored = true;
      c.sessions.put(s.id, s);
      c.jobs.putIfAbsent(s.jobId, s.tenancy);
    }
    for (var row : snapshot.actors()) {
      c.actors.restore(row);
    }
    for (var row : snapshot.groups()) {
      c.groups.restore(row);
    }
    windowEnds = c.now().plus(window);
    settleEnds = c.now().plus(settle);
    LOG.info(() -> "restored " + snapshot.sessions().size() + " session(s), " + snapshot.actors().size()
        + " actor(s), " + snapshot.groups().size() + " placement group(s); recovery window " + window.toMillis() + " ms");
  }

  boolean inWindow() {
    return windowEnds != null;
  }

  /** True in the first moments after a restart, while nodes re-register. */
  boolean settling() {
    if (settleEnds == null) {
      return false;
    }
    if (c.now().isBefore(settleEnds)) {
      return true;
    }
    settleEnds = null;
    return false;
  }

  /** A node reported the end of work that is known again: an orphan copy of it holds no more. */
  void orphanEnded(TaskFinishedRequest r) {
    if (running.isEmpty()) {
      return;
    }
    Orphan o = running.get(r.getTaskId());
    if (o != null && o.nodeId().equals(r.getNodeId()) && o.attempt() == r.getAttempt()) {
      running.remove(r.getTaskId());
      if (o.reservation() != null) {
        c.releaseResources(o.reservation());
      }
    }
  }

  /** A node (re-)connected: adopt the bundles, actors, work and objects it reports. */
  void nodeConnected(NodeLink node, RegisterNodeRequest reg) {
    c.groups.nodeBack(node.nodeId);
    for (RunningWork w : reg.getRunningList()) {
      if (w.getActorCreate()) {
        if (!c.actors.adoptCreation(w, node.nodeId)) {
          kill(node, w.getActorId());
        }
      } else if (!w.getActorId().isEmpty()) {
        running.put(w.getTaskId(), new Orphan(node.nodeId, w.getAttempt(), null, w.getActorId()));
      } else {
        Reservation r = adoptReservation(node.nodeId, w.getResources().getAmountsMap(), w.getGpuIndicesList(),
            w.getPlacementGroupId(), w.getBundleIndex());
        var orphan = new Orphan(node.nodeId, w.getAttempt(), r, "");
        if (!c.adoptQueued(w.getTaskId(), orphan)) {
          running.put(w.getTaskId(), orphan);
        }
      }
    }
    for (LiveActor a : reg.getLiveActorsList()) {
      if (!c.actors.adopt(a, node.nodeId)) {
        kill(node, a.getActorId());
      }
    }
    for (HeldObject h : reg.getObjectsList()) {
      ObjectEntry o = c.objects.get(h.getObjectId());
      if (o == null && !inWindow()) {
        node.send(NodeCommand.newBuilder().setFree(dev.flotilla.protocol.scheduler.v1.FreeObjects.newBuilder()
            .addObjectIds(h.getObjectId())).build()); // nobody can hold it: no restart to recover from
        continue;
      }
      if (o == null) {
        o = new ObjectEntry(h.getObjectId(), "");
        o.state = ObjectEntry.State.STORED;
        o.size = h.getSize();
        c.objects.put(o.id, o);
        unclaimed.put(o.id, o);
      }
      o.nodes.add(node.nodeId);
    }
    if (!reg.getRunningList().isEmpty() || !reg.getLiveActorsList().isEmpty() || !reg.getObjectsList().isEmpty()) {
      LOG.info(() -> "node " + node.nodeId + " reported " + reg.getLiveActorsCount() + " live actor(s), "
          + reg.getRunningCount() + " running task(s) and " + reg.getObjectsCount() + " stored object(s)");
    }
  }

  private void kill(NodeLink node, String actorId) {
    LOG.info(() -> "node " + node.nodeId + " runs actor " + actorId + ", which is not to run; killing it");
    node.send(NodeCommand.newBuilder().setKillActor(KillActor.newBuilder().setActorId(actorId)).build());
  }

  /** Re-applies the reservation of running work: from its bundle, or from the node. */
  Reservation adoptReservation(String nodeId, Map<String, Double> amounts, List<Integer> gpus, String groupId, int bundle) {
    Resources demand = Resources.of(new HashMap<>(amounts));
    if (!groupId.isEmpty()) {
      return c.groups.adoptSlot(groupId, bundle, nodeId, demand, gpus);
    }
    Reservation r = c.cluster.adopt(nodeId, demand, gpus);
    if (r == null) {
      LOG.warning(() -> "node " + nodeId + " reports work holding " + demand.describe() + " that no longer fits it");
    }
    return r;
  }

  /** A node reported the end of work nobody has re-sent yet: keep the outcome for adoption. */
  void finishedUnknown(TaskFinishedRequest r) {
    Orphan o = running.remove(r.getTaskId());
    if (o != null && o.reservation() != null) {
      c.releaseResources(o.reservation());
    }
    if (o != null || inWindow()) {
      results.put(r.getTaskId(), r);
    }
  }

  /** The kept outcome of work re-sent by its client, if it ended while unknown. */
  TaskFinishedRequest takeResult(String taskId) {
    return results.isEmpty() ? null : results.remove(taskId);
  }

  /** The orphan a re-sent task or call is, if it still runs. */
  Orphan takeRunning(String taskId) {
    return running.isEmpty() ? null : running.remove(taskId);
  }

  /**
   * A reported object is wanted again (a re-sent task's result, or a session's reference); true
   * when it was unclaimed until now.
   */
  boolean claim(String objectId) {
    return !unclaimed.isEmpty() && unclaimed.remove(objectId) != null;
  }

  void nodeDied(String nodeId) {
    running.values().removeIf(o -> {
      if (!o.nodeId().equals(nodeId)) {
        return false;
      }
      if (o.reservation() != null) {
        c.releaseResources(o.reservation());
      }
      return true;
    });
  }

  /** Closes the window once it has passed: what did not come back is treated as failed. */
  void tick() {
    if (settleEnds != null && !settling()) {
      c.schedule(); // placement resumes
    }
    if (windowEnds == null || c.now().isBefore(windowEnds)) {
      return;
    }
    windowEnds = null;
    c.actors.recoveryEnded();
    c.groups.recoveryEnded();
    int closed = 0;
    for (SessionEntry s : List.copyOf(c.sessions.values())) {
      if (s.restored && !s.lifelineAttached && c.sessions.containsKey(s.id)) {
        closed++;
        c.closeSession(s.id);
      }
    }
    int freed = 0;
    for (ObjectEntry o : List.copyOf(unclaimed.values())) {
      if (o.refCount <= 0 && c.objects.get(o.id) == o) {
        freed++;
        c.free(o);
      }
    }
    unclaimed.clear();
    int sessions = closed;
    int objects = freed;
    LOG.info(() -> "recovery window over: " + sessions + " session(s) whose client did not come back closed, "
        + objects + " unclaimed object(s) freed");
    c.schedule();
  }
}
