package dev.flotilla.scheduler.core.sim;

import dev.flotilla.scheduler.core.ClusterState;
import dev.flotilla.scheduler.core.Placement;
import dev.flotilla.scheduler.core.Planner;
import dev.flotilla.scheduler.core.Reservation;
import dev.flotilla.scheduler.core.TaskQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A simulated scheduler: a {@link ClusterState} and {@link TaskQueue} driven by a {@link
 * ManualClock}, playing the service's part. Placed tasks finish after their duration, release their
 * reservation and publish their output object on their node; killed nodes have their tasks
 * re-queued. Every event checks the invariants of the nodes it touched ({@link ClusterInvariants}).
 */
public final class Simulation {
  /** A task running on a node; {@code attempt} tells a stale finish timer from a retry's. */
  public record Running(SimTask task, Reservation reservation, int attempt) {}

  private static final int FULL_CHECK_EVERY = 500;

  private final ManualClock clock = new ManualClock();
  private final ClusterState state = new ClusterState();
  private final TaskQueue queue;
  private final Map<String, SimTask> submitted = new HashMap<>();
  private final Map<String, Running> running = new HashMap<>();
  private final Map<String, Integer> attempts = new HashMap<>();
  private final List<Placement> placements = new ArrayList<>();
  private final List<String> finished = new ArrayList<>();

  public Simulation(Planner planner) {
    this.queue = new TaskQueue(planner);
  }

  public Simulation() {
    this(Planner.withDefaults());
  }

  public Simulation nodes(SimNode... nodes) {
    for (SimNode n : nodes) {
      n.registerIn(state);
    }
    return this;
  }

  public Simulation nodes(List<SimNode> nodes) {
    return nodes(nodes.toArray(SimNode[]::new));
  }

  public void submit(SimTask task) {
    submitted.put(task.id(), task);
    queue.add(task.jobId(), task.request(), task.dependencies(), clock.instant());
    scheduleNow();
  }

  /** Events at {@code offset} from now: {@code sim.at(ofSeconds(30)).killNode("n1")}. */
  public Events at(Duration offset) {
    return new Events(offset);
  }

  /** The events {@link #at} schedules. */
  public final class Events {
    private final Duration offset;

    private Events(Duration offset) {
      this.offset = offset;
    }

    public void killNode(String nodeId) {
      clock.schedule(offset, "kill " + nodeId, () -> kill(nodeId));
    }

    public void addNode(SimNode node) {
      clock.schedule(
          offset,
          "add " + node.id(),
          () -> {
            node.registerIn(state);
            scheduleNow(node.id());
          });
    }

    public void submit(SimTask task) {
      clock.schedule(offset, "submit " + task.id(), () -> Simulation.this.submit(task));
    }
  }

  /**
   * Runs events until none is left. After each event the nodes it touched are checked, and the
   * whole fleet every {@value #FULL_CHECK_EVERY} events and at the end.
   */
  public void runToCompletion() {
    long events = 0;
    while (clock.runNext()) {
      if (++events % FULL_CHECK_EVERY == 0) {
        ClusterInvariants.check(state);
      }
    }
    ClusterInvariants.check(state);
  }

  public ManualClock clock() {
    return clock;
  }

  public ClusterState state() {
    return state;
  }

  public TaskQueue queue() {
    return queue;
  }

  public List<Placement> placements() {
    return placements;
  }

  public List<String> finished() {
    return finished;
  }

  public Map<String, Running> running() {
    return running;
  }

  private void scheduleNow(String... touchedNodes) {
    Set<String> touched = new HashSet<>(List.of(touchedNodes));
    for (Placement p : queue.schedule(state, clock.instant())) {
      touched.add(p.nodeId());
      SimTask task = submitted.get(p.taskId());
      int attempt = attempts.merge(task.id(), 1, Integer::sum);
      running.put(task.id(), new Running(task, p.reservation(), attempt));
      placements.add(p);
      clock.schedule(task.duration(), "finish " + task.id(), () -> finish(task.id(), attempt));
    }
    ClusterInvariants.check(state, touched);
  }

  private void finish(String taskId, int attempt) {
    Running r = running.get(taskId);
    if (r == null || r.attempt() != attempt) {
      return;
    }
    running.remove(taskId);
    state.release(r.reservation());
    finished.add(taskId);
    queue.objectReady(taskId, Map.of(r.reservation().nodeId(), r.task().outputBytes()));
    scheduleNow(r.reservation().nodeId());
  }

  private void kill(String nodeId) {
    state.markDead(nodeId);
    for (Running r : List.copyOf(running.values())) {
      if (r.reservation().nodeId().equals(nodeId)) {
        running.remove(r.task().id());
        state.release(r.reservation());
        // Its arguments existed when it first ran, so the retry waits for nothing.
        queue.add(r.task().jobId(), r.task().request(), Set.of(), clock.instant());
      }
    }
    scheduleNow(nodeId);
  }
}
