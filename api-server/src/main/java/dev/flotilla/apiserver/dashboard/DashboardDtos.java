package dev.flotilla.apiserver.dashboard;

import dev.flotilla.apiserver.api.QuotaDtos;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The answer of {@code GET …/workspaces/{w}/cluster}: the cluster as one workspace may see it. */
public final class DashboardDtos {
  private DashboardDtos() {}

  /** {@code connected}: nodes and pending come from the scheduler; {@code not configured}: no scheduler (empty lists). */
  public static final String CONNECTED = "connected";

  public static final String NOT_CONFIGURED = "not configured";

  /**
   * @param cluster {@link #CONNECTED} or {@link #NOT_CONFIGURED}
   * @param message what the state means, for people
   * @param pending this workspace's waiting work only, oldest first
   */
  public record Cluster(String cluster, String message, Instant asOf, List<Node> nodes, List<Pending> pending,
      QuotaDtos.Quota quota, Usage usage) {}

  /**
   * One node of the platform (nodes are the platform's capacity, shown to every tenant; never
   * their network addresses). {@code labels} are the worker's, e.g. {@code gpu.model}.
   */
  public record Node(String nodeId, boolean alive, Amount cpu, Amount gpu, Amount memoryMb, Map<String, String> labels,
      long storeUsedBytes, long storeCapacityBytes, int runningTasks) {}

  /** A resource of a node: what it has and what is free now. */
  public record Amount(double total, double available) {}

  /** A task (or placement group) of the workspace that waits, and the scheduler's reason. */
  public record Pending(String taskId, String name, String reason, Instant pendingSince) {}

  /** What the workspace used this month (UTC), from the metered usage, in hours. */
  public record Usage(String month, double cpuHours, double gpuHours) {}
}
