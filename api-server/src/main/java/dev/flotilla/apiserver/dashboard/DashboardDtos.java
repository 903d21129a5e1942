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
   * @param running this workspace's running tasks and actor calls only, oldest first (at most 500)
   * @param actors this workspace's actors only, live ones first (at most 500)
   * @param truncated whether more running tasks or actors exist than are listed
   */
  public record Cluster(String cluster, String message, Instant asOf, List<Node> nodes, List<Pending> pending,
      List<Running> running, List<Actor> actors, Truncated truncated, QuotaDtos.Quota quota, Usage usage) {}

  /** Whether the scheduler left running tasks or actors out (it lists at most 500 of each). */
  public record Truncated(boolean running, boolean actors) {
    public static final Truncated NONE = new Truncated(false, false);
  }

  /**
   * A task of the workspace that runs now: a task, an actor's constructor ({@code actorCreation})
   * or an actor call ({@code actorId} set, {@code resources} empty: the actor holds them).
   *
   * @param actorId null for a plain task
   */
  public record Running(String taskId, String name, String nodeId, Map<String, Double> resources, Instant startedAt,
      String jobId, String actorId, boolean actorCreation, int attempt) {}

  /**
   * An actor of the workspace.
   *
   * @param name null when unnamed
   * @param state {@code PENDING}, {@code ALIVE}, {@code RESTARTING}, {@code DEAD} or {@code RECOVERING}
   * @param reason why it died ({@code DEAD}), why it last died ({@code RESTARTING}), why it waits
   *     ({@code PENDING}); null otherwise
   * @param nodeId where it lives or is being constructed; null while unplaced or dead
   */
  public record Actor(String actorId, String className, String name, String namespace, String state, String reason,
      String nodeId, Map<String, Double> resources, int restarts, String jobId, boolean detached, int callsRunning,
      int callsQueued) {}

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
