package dev.flotilla.deploy.cli;

import dev.flotilla.protocol.common.v1.ResourceSet;
import dev.flotilla.protocol.scheduler.v1.ClusterStatusResponse;
import dev.flotilla.protocol.scheduler.v1.NodeStatus;
import dev.flotilla.protocol.scheduler.v1.PendingTask;
import java.util.Map;
import java.util.TreeMap;

/** Renders cluster status as text: nodes with resources, then pending tasks with reasons. */
final class StatusTable {
  private StatusTable() {}

  static String render(ClusterStatusResponse s) {
    var sb = new StringBuilder();
    sb.append(String.format("%-10s %-22s %-6s %-40s %s%n", "NODE", "ADDRESS", "STATE", "AVAILABLE / TOTAL", "STORE"));
    for (NodeStatus n : s.getNodesList()) {
      sb.append(String.format("%-10s %-22s %-6s %-40s %d/%d MiB%n", n.getNodeId(), n.getAddress(),
          n.getAlive() ? "alive" : "dead", resources(n.getAvailable(), n.getTotal()),
          n.getStoreUsedBytes() >> 20, n.getStoreCapacityBytes() >> 20));
    }
    sb.append(String.format("Tasks: %d running, %d finished, %d pending; %d objects%n",
        s.getRunningTasks(), s.getFinishedTasks(), s.getPendingCount(), s.getObjects()));
    for (PendingTask p : s.getPendingList()) {
      sb.append(String.format("  pending %-28s %-20s %s%n", p.getTaskId(), p.getName(), p.getReason()));
    }
    return sb.toString();
  }

  private static String resources(ResourceSet available, ResourceSet total) {
    var sb = new StringBuilder();
    Map<String, Double> sorted = new TreeMap<>(total.getAmountsMap());
    for (var e : sorted.entrySet()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      double a = available.getAmountsOrDefault(e.getKey(), 0);
      sb.append(e.getKey().equals("memory_mb") ? "mem" : e.getKey()).append(' ')
          .append(fmt(e.getKey().equals("memory_mb") ? a / 1024 : a)).append('/')
          .append(fmt(e.getKey().equals("memory_mb") ? e.getValue() / 1024 : e.getValue()))
          .append(e.getKey().equals("memory_mb") ? "G" : "");
    }
    return sb.toString();
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.format("%.2f", d);
  }
}
