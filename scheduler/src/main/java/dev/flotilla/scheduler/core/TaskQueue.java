package dev.flotilla.scheduler.core;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The pending tasks of one scheduler: each waits until its argument objects exist, then is placed
 * by {@link #schedule}, in submission (FIFO) order within its job and round-robin across jobs.
 * Every task still here has a human-readable {@link #reason}.
 *
 * <p>A task that does not fit does not block the tasks behind it (they may "backfill" around it).
 * Cost of {@link #schedule}: O(ready tasks) cheap lookups; per shape, one scan of the fleet, then
 * only of the nodes that passed last time; and for shapes known not to fit, a re-check of only the
 * nodes that gained room since the last call. See {@link SchedulingPass} and the package overview.
 *
 * <p>Not thread-safe: the service calls it under the same lock as its {@link ClusterState}.
 */
public final class TaskQueue {
  /** The job of tasks added without one. */
  public static final String DEFAULT_JOB = "";

  private final Planner planner;
  private final Map<String, QueuedTask> tasks = new LinkedHashMap<>();
  private final Map<String, Set<QueuedTask>> waitersByObject = new HashMap<>();
  private final Map<String, JobQueue> readyByJob = new LinkedHashMap<>();
  private final ShapeTable shapes = new ShapeTable();
  private final UnfitShapes unfit = new UnfitShapes(shapes);
  private long nextSeq;
  private long placements;

  /** A job's ready tasks by submission sequence, and when the job last placed a task. */
  private static final class JobQueue {
    final TreeMap<Long, QueuedTask> ready = new TreeMap<>();
    long lastServed;
  }

  public TaskQueue(Planner planner) {
    this.planner = Objects.requireNonNull(planner, "planner");
  }

  /**
   * Queues a task of job {@code jobId}, pending since {@code now}, that may run once every object
   * in {@code unresolvedObjectIds} is {@link #objectReady ready}. Throws {@link
   * IllegalArgumentException} when the task id is already queued.
   */
  public void add(
      String jobId, PlacementRequest request, Set<String> unresolvedObjectIds, Instant now) {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(now, "now");
    if (tasks.containsKey(request.taskId())) {
      throw new IllegalArgumentException("task " + request.taskId() + " is already queued");
    }
    Set<String> deps = unresolvedObjectIds == null ? Set.of() : unresolvedObjectIds;
    QueuedTask task = new QueuedTask(jobId, nextSeq++, request, shapes.intern(request), deps, now);
    tasks.put(request.taskId(), task);
    for (String objectId : task.unresolved) {
      waitersByObject.computeIfAbsent(objectId, k -> new HashSet<>()).add(task);
    }
    if (task.ready()) {
      makeReady(task);
    }
  }

  /** {@link #add(String, PlacementRequest, Set, Instant)} in {@link #DEFAULT_JOB}. */
  public void add(PlacementRequest request, Set<String> unresolvedObjectIds, Instant now) {
    add(DEFAULT_JOB, request, unresolvedObjectIds, now);
  }

  /**
   * Object {@code objectId} now exists, with {@code bytesByNode} of it stored on each node: every
   * task waiting on it stops waiting for it and adds those bytes to its locality. Ignores objects
   * nobody waits for.
   */
  public void objectReady(String objectId, Map<String, Long> bytesByNode) {
    Set<QueuedTask> waiters = waitersByObject.remove(objectId);
    if (waiters == null) {
      return;
    }
    Map<String, Long> bytes = bytesByNode == null ? Map.of() : bytesByNode;
    for (QueuedTask task : waiters) {
      if (task.resolve(objectId, bytes)) {
        makeReady(task);
      }
    }
  }

  /** Drops a task (cancelled, or its job ended); false when it is not queued. */
  public boolean remove(String taskId) {
    QueuedTask task = tasks.remove(taskId);
    if (task == null) {
      return false;
    }
    forgetShape(task);
    for (String objectId : task.unresolved) {
      Set<QueuedTask> waiters = waitersByObject.get(objectId);
      if (waiters != null && waiters.remove(task) && waiters.isEmpty()) {
        waitersByObject.remove(objectId);
      }
    }
    JobQueue job = readyByJob.get(task.jobId);
    if (job != null && job.ready.remove(task.seq) != null && job.ready.isEmpty()) {
      readyByJob.remove(task.jobId);
    }
    return true;
  }

  /**
   * Places every ready task that fits, reserving its resources in {@code state}, and returns the
   * placements in the order made. Each job places at most one task per turn and turns go round the
   * jobs, starting with the one that has waited longest since it last placed a task (new jobs
   * first). Tasks that do not fit stay, with a reason.
   */
  public List<Placement> schedule(ClusterState state, Instant now) {
    return schedule(state, now, Admission.ALL);
  }

  /**
   * {@link #schedule(ClusterState, Instant)}, placing only tasks {@code admission} admits; a refused
   * task keeps the refusal as its reason.
   */
  public List<Placement> schedule(ClusterState state, Instant now, Admission admission) {
    Objects.requireNonNull(admission, "admission");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(now, "now");
    unfit.begin(state, now);
    SchedulingPass pass = new SchedulingPass(planner, state, now, unfit);
    List<Placement> placed = new ArrayList<>();
    Deque<JobTurn> turns = jobTurns();
    while (!turns.isEmpty()) {
      JobTurn turn = turns.poll();
      while (turn.cursor.hasNext()) {
        QueuedTask task = turn.cursor.next();
        String refused = admission.admit(task.jobId, task.request.demand());
        if (refused != null) {
          task.reason = refused;
          continue;
        }
        Reservation reservation = pass.place(task);
        if (reservation == null) {
          admission.unadmit(task.jobId, task.request.demand());
        }
        if (reservation != null) {
          turn.cursor.remove();
          turn.job.lastServed = ++placements;
          tasks.remove(task.request.taskId());
          forgetShape(task);
          placed.add(new Placement(task.request.taskId(), reservation));
          if (turn.cursor.hasNext()) {
            turns.add(turn);
          }
          break;
        }
      }
    }
    readyByJob.values().removeIf(job -> job.ready.isEmpty());
    unfit.end(state);
    return placed;
  }

  /** Why the task is still pending; empty when it is not queued (placed, removed or unknown). */
  public Optional<String> reason(String taskId) {
    QueuedTask task = tasks.get(taskId);
    return task == null ? Optional.empty() : Optional.of(task.currentReason());
  }

  /** Every queued task, in submission order. */
  public List<PendingView> pending() {
    List<PendingView> out = new ArrayList<>(tasks.size());
    tasks.values().forEach(t -> out.add(t.view()));
    return out;
  }

  /** The queued tasks of one job, in submission order (for showing a tenant only its own). */
  public List<PendingView> pending(String jobId) {
    List<PendingView> out = new ArrayList<>();
    for (QueuedTask t : tasks.values()) {
      if (t.jobId.equals(jobId)) {
        out.add(t.view());
      }
    }
    return out;
  }

  public int size() {
    return tasks.size();
  }

  /** How many queued tasks have all their arguments. */
  public int readyCount() {
    int n = 0;
    for (JobQueue job : readyByJob.values()) {
      n += job.ready.size();
    }
    return n;
  }

  /** One job's place in the round-robin of a {@link #schedule} call. */
  private record JobTurn(JobQueue job, Iterator<QueuedTask> cursor) {}

  /** The jobs least recently served first; ties in the order the jobs became ready. */
  private Deque<JobTurn> jobTurns() {
    List<JobQueue> jobs = new ArrayList<>(readyByJob.values());
    jobs.sort(Comparator.comparingLong(job -> job.lastServed));
    Deque<JobTurn> turns = new ArrayDeque<>(jobs.size());
    for (JobQueue job : jobs) {
      turns.add(new JobTurn(job, job.ready.values().iterator()));
    }
    return turns;
  }

  private void forgetShape(QueuedTask task) {
    shapes.release(task.shape);
  }

  private void makeReady(QueuedTask task) {
    task.reason = QueuedTask.NOT_YET_SCHEDULED;
    readyByJob.computeIfAbsent(task.jobId, k -> new JobQueue()).ready.put(task.seq, task);
  }
}
