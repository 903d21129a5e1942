package dev.flotilla.apiserver.dashboard;

import dev.flotilla.protocol.common.v1.ResourceSet;
import dev.flotilla.protocol.scheduler.v1.ClusterStatusResponse;
import dev.flotilla.protocol.scheduler.v1.NodeStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * The scheduler's cluster status as the dashboard shows it: nodes without their network
 * addresses (a tenant has no business with the platform's hosts), pending work oldest first.
 * Pure.
 */
final class ClusterViews {
  private ClusterViews() {}

  static List<DashboardDtos.Node> nodes(ClusterStatusResponse status) {
    return status.getNodesList().stream().map(ClusterViews::node).sorted(Comparator.comparing(DashboardDtos.Node::nodeId))
        .toList();
  }

  static List<DashboardDtos.Pending> pending(ClusterStatusResponse status) {
    return status.getPendingList().stream()
        .map(p -> new DashboardDtos.Pending(p.getTaskId(), p.getName(), p.getReason(), Instant.ofEpochMilli(p.getPendingSinceMs())))
        .sorted(Comparator.comparing(DashboardDtos.Pending::pendingSince).thenComparing(DashboardDtos.Pending::taskId))
        .toList();
  }

  private static DashboardDtos.Node node(NodeStatus n) {
    return new DashboardDtos.Node(n.getNodeId(), n.getAlive(), amount(n, "CPU"), amount(n, "GPU"), amount(n, "memory_mb"),
        new TreeMap<>(n.getLabelsMap()), n.getStoreUsedBytes(), n.getStoreCapacityBytes(), n.getRunningTasks());
  }

  private static DashboardDtos.Amount amount(NodeStatus n, String resource) {
    return new DashboardDtos.Amount(get(n.getTotal(), resource), get(n.getAvailable(), resource));
  }

  private static double get(ResourceSet set, String resource) {
    return set.getAmountsOrDefault(resource, 0);
  }
}
