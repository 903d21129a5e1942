package dev.flotilla.scheduler.service;

import dev.flotilla.protocol.common.v1.ResourceSet;
import dev.flotilla.protocol.scheduler.v1.ClusterStatusResponse;
import dev.flotilla.protocol.scheduler.v1.NodeStatus;
import dev.flotilla.protocol.scheduler.v1.PendingTask;
import dev.flotilla.scheduler.core.NodeView;
import dev.flotilla.scheduler.core.PendingView;
import dev.flotilla.scheduler.core.Resources;

/**
 * What {@code flotilla cluster status} and the dashboard show: nodes, their resources, why tasks
 * wait, and, for a session, its workspace's running tasks and actors ({@link WorkspaceWork}).
 */
final class StatusReport {
  private final Coordinator c;
  private final WorkspaceWork work;

  StatusReport(Coordinator c) {
    this.c = c;
    this.work = new WorkspaceWork(c);
  }

  /**
   * @param viewer whose pending work to show, when not {@code everything}
   * @param everything show every tenancy's pending work (the operator's view)
   * @param session whether a session asks: only then are {@code viewer}'s running tasks and
   *     actors listed (never with {@code everything})
   */
  ClusterStatusResponse build(Tenancy viewer, boolean everything, boolean session) {
    synchronized (c) {
      var r = ClusterStatusResponse.newBuilder();
      for (NodeLink n : c.nodes.values()) {
        var s =
            NodeStatus.newBuilder()
                .setNodeId(n.nodeId)
                .setAddress(n.address)
                .setAlive(n.alive)
                .setStoreUsedBytes(n.storeUsedBytes)
                .setStoreCapacityBytes(n.storeCapacityBytes);
        c.cluster.node(n.nodeId).ifPresent((NodeView v) -> {
          s.setTotal(set(v.total())).setAvailable(set(v.available())).putAllLabels(v.labels());
        });
        s.setRunningTasks(
            (int) c.tasks.values().stream()
                .filter(t -> t.state == TaskEntry.State.RUNNING && t.reservation.nodeId().equals(n.nodeId))
                .count());
        r.addNodes(s);
      }
      var pending = new java.util.ArrayList<>(c.queue.pending());
      pending.addAll(c.groups.pending());
      for (PendingView p : pending) {
        if (!everything && !viewer.equals(owner(p.taskId()))) {
          continue;
        }
        r.addPending(
            PendingTask.newBuilder()
                .setTaskId(p.taskId())
                .setName(p.name())
                .setReason(p.reason())
                .setPendingSinceMs(p.pendingSince().toEpochMilli()));
      }
      if (session && !everything) {
        work.addTo(r, viewer);
      }
      long running = c.tasks.values().stream().filter(t -> t.state == TaskEntry.State.RUNNING).count();
      return r.setRunningTasks(running).setFinishedTasks(c.finishedTasks).setObjects(c.objects.size()).build();
    }
  }

  /** Whose pending task or group this is. */
  private Tenancy owner(String id) {
    TaskEntry t = c.tasks.get(id);
    if (t != null) {
      return t.actor != null ? t.actor.tenancy : c.tenancyOf(t.spec.getJobId());
    }
    ObjectEntry group = c.objects.get(id); // a group's ready object carries its job
    return group == null ? Tenancy.LOCAL : c.tenancyOf(group.jobId);
  }

  private static ResourceSet set(Resources r) {
    return ResourceSet.newBuilder().putAllAmounts(r.amounts()).build();
  }
}
