package dev.flotilla.apiserver.dashboard;

import dev.flotilla.protocol.scheduler.v1.ActorStatus;
import dev.flotilla.protocol.scheduler.v1.ClusterStatusResponse;
import dev.flotilla.protocol.scheduler.v1.RunningTask;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

/**
 * The workspace's running tasks and actors as the dashboard shows them, from a cluster status the
 * scheduler already filtered to the dashboard session's tenant and workspace: in the scheduler's
 * order (running oldest first, actors live first), empty strings as nulls. Pure.
 */
final class WorkViews {
  private WorkViews() {}

  static List<DashboardDtos.Running> running(ClusterStatusResponse status) {
    return status.getRunningList().stream().map(WorkViews::running).toList();
  }

  static List<DashboardDtos.Actor> actors(ClusterStatusResponse status) {
    return status.getActorsList().stream().map(WorkViews::actor).toList();
  }

  static DashboardDtos.Truncated truncated(ClusterStatusResponse status) {
    return new DashboardDtos.Truncated(status.getRunningTruncated(), status.getActorsTruncated());
  }

  private static DashboardDtos.Running running(RunningTask t) {
    return new DashboardDtos.Running(t.getTaskId(), t.getName(), t.getNodeId(), new TreeMap<>(t.getResources().getAmountsMap()),
        Instant.ofEpochMilli(t.getStartedAtMs()), t.getJobId(), orNull(t.getActorId()), t.getActorCreation(), t.getAttempt());
  }

  private static DashboardDtos.Actor actor(ActorStatus a) {
    String state = a.getState() == ActorStatus.State.STATE_UNSPECIFIED || a.getState() == ActorStatus.State.UNRECOGNIZED
        ? "UNKNOWN" : a.getState().name();
    return new DashboardDtos.Actor(a.getActorId(), a.getClassName(), orNull(a.getName()), a.getNamespace(), state,
        orNull(a.getReason()), orNull(a.getNodeId()), new TreeMap<>(a.getResources().getAmountsMap()), a.getRestarts(),
        a.getJobId(), a.getDetached(), a.getCallsRunning(), a.getCallsQueued());
  }

  private static String orNull(String s) {
    return s.isEmpty() ? null : s;
  }
}
