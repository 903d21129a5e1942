package dev.flotilla.scheduler.service;

import com.google.protobuf.ByteString;
import dev.flotilla.protocol.common.v1.ErrorInfo;
import dev.flotilla.protocol.common.v1.TaskArg;
import dev.flotilla.protocol.scheduler.v1.ActorCallSpec;
import dev.flotilla.protocol.scheduler.v1.ActorSpec;
import dev.flotilla.protocol.scheduler.v1.ArgSource;
import dev.flotilla.protocol.scheduler.v1.FreeObjects;
import dev.flotilla.protocol.scheduler.v1.KillJob;
import dev.flotilla.protocol.scheduler.v1.NodeCommand;
import dev.flotilla.protocol.scheduler.v1.StoredArg;
import dev.flotilla.protocol.scheduler.v1.TaskAssignment;
import dev.flotilla.protocol.scheduler.v1.TaskFinishedRequest;
import dev.flotilla.protocol.scheduler.v1.TaskSpec;
import dev.flotilla.scheduler.core.ClusterState;
import dev.flotilla.scheduler.core.Placement;
import dev.flotilla.scheduler.core.PlacementRequest;
import dev.flotilla.scheduler.core.Reservation;
import dev.flotilla.scheduler.core.Resources;
import dev.flotilla.scheduler.core.TaskQueue;
import dev.flotilla.scheduler.state.ClusterStateStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The scheduler's state machine: tasks, objects, sessions and nodes, and the rules that tie them
 * together (placement, retries, reference counting, failure). Every method runs under this
 * object's monitor; gRPC handlers call in, and messages to nodes and clients are sent under the
 * lock (gRPC's {@code onNext} only buffers), which keeps each stream's sends serialised.
 */
final class Coordinator {
  private static final Logger LOG = Logger.getLogger(Coordinator.class.getName());

  private final InstantSource clock;
  final ClusterState cluster = new ClusterState();
  final TaskQueue queue;
  final Map<String, NodeLink> nodes = new HashMap<>();
  final Map<String, TaskEntry> tasks = new HashMap<>();
  final Map<String, ObjectEntry> objects = new HashMap<>();
  final Map<String, SessionEntry> sessions = new HashMap<>();
  private final Map<String, List<Waiter>> waiters = new HashMap<>();
  /** Object id → queued tasks that wait for it (to fail them if it fails). */
  private final Map<String, Set<String>> dependents = new HashMap<>();
  long finishedTasks;
  final Actors actors = new Actors(this);
  private final Lineage lineage = new Lineage(this);
  final PlacementGroups groups = new PlacementGroups(this);
  final ClusterStateStore store;
  final Recovery recovery;
  final Quotas quotas = new Quotas();
  final Usage usage = new Usage();
  /** Job id → whose it is (drivers' jobs, and detached actors' own jobs). */
  final Map<String, Tenancy> jobs = new HashMap<>();
  /** Changes on every start: clients and nodes that see a new one know the scheduler restarted. */
  final String epoch = Ids.random("epoch-");

  Coordinator(InstantSource clock, TaskQueue queue) {
    this(clock, queue, ClusterStateStore.NONE, Duration.ofSeconds(30), Duration.ofSeconds(3));
  }

  /**
   * @param recoveryWindow after a restart, how long nodes and clients have to come back
   * @param settle after a restart, how long placement waits for nodes to re-register
   */
  Coordinator(InstantSource clock, TaskQueue queue, ClusterStateStore store, Duration recoveryWindow, Duration settle) {
    this.clock = clock;
    this.queue = queue;
    this.store = store;
    this.recovery = new Recovery(this, recoveryWindow, settle);
  }

  /** Reads back what the store kept from before a restart (nothing, for an in-memory store). */
  synchronized void restore() {
    var snapshot = store.load();
    if (!snapshot.sessions().isEmpty() || !snapshot.actors().isEmpty() || !snapshot.groups().isEmpty()) {
      recovery.restore(snapshot);
    }
  }

  /** Periodic: ends the recovery window once it has passed. */
  synchronized void recoveryTick() {
    recovery.tick();
  }

  Instant now() {
    return clock.instant();
  }

  // ---- tasks -------------------------------------------------------------------------------

  /** Accepts a task; idempotent on its id. Returns null when accepted, else why not. */
  synchronized String submit(TaskSpec spec) {
    SessionEntry session = sessions.get(spec.getSessionId());
    if (tasks.containsKey(spec.getTaskId()) || objects.containsKey(spec.getTaskId())) {
      if (session != null && recovery.claim(spec.getTaskId())) {
        addRef(session, spec.getTaskId()); // its result outlived the restart on a node
      }
      return null;
    }
    if (session == null) {
      return "unknown session " + spec.getSessionId() + ": open one first";
    }
    if (!spec.getJobId().equals(session.jobId)) {
      return "the task's job_id " + spec.getJobId() + " is not its session's job";
    }
    String unknown = unknownArgument(session, spec.getArgsList());
    if (unknown != null) {
      return unknown;
    }
    if (!spec.getPlacementGroupId().isEmpty() && !groups.visible(spec.getPlacementGroupId(), session.tenancy)) {
      return "placement group " + spec.getPlacementGroupId() + " does not exist (removed, or never created)";
    }
    var result = new ObjectEntry(spec.getTaskId(), session.jobId);
    objects.put(result.id, result);
    addRef(session, result.id);
    var task = new TaskEntry(spec, now());
    String spent = spec.getResources().getAmountsOrDefault(Resources.GPU, 0) > 0 ? quotas.gpuBudgetSpent(session.tenancy) : null;
    if (spent != null) {
      settle(result.id, null, 0, null, ErrorInfo.newBuilder().setKind(ErrorInfo.Kind.QUOTA_EXCEEDED)
          .setExceptionClass("dev.flotilla.api.QuotaExceededException").setTaskName(spec.getName()).setMessage(spent).build());
      return null;
    }
    if (!adoptOrphan(task)) {
      enqueue(task, session.jobId, true);
    }
    return null;
  }

  /**
   * A task re-sent after a scheduler restart that a node still runs, or already finished, is
   * adopted rather than run again. True when adopted.
   */
  private boolean adoptOrphan(TaskEntry task) {
    if (!recovery.inWindow()) {
      return false;
    }
    String id = task.spec.getTaskId();
    TaskFinishedRequest done = recovery.takeResult(id);
    Recovery.Orphan running = done == null ? recovery.takeRunning(id) : null;
    if (done == null && running == null) {
      return false;
    }
    tasks.put(id, task);
    for (TaskArg a : task.spec.getArgsList()) {
      if (a.hasObjectId()) {
        objects.get(a.getObjectId()).refCount++;
      }
    }
    task.markRunning(now());
    if (done != null) {
      task.attempt = done.getAttempt();
      task.reservation = new Reservation(done.getNodeId(), Resources.of(Map.of()), List.of());
      taskFinished(done);
    } else {
      task.attempt = running.attempt();
      task.reservation = running.reservation() != null ? running.reservation()
          : new Reservation(running.nodeId(), Resources.of(Map.of()), List.of());
    }
    LOG.info(() -> "task " + id + " re-sent after the restart adopted (" + (done != null ? "finished" : "running") + " on "
        + task.reservation.nodeId() + ")");
    return true;
  }

  /**
   * Queues a task until its arguments exist and it fits somewhere.
   *
   * @param countArgs whether the task takes references on its argument objects (an actor's
   *     restarts reuse the references its first creation took)
   */
  void enqueue(TaskEntry task, String jobId, boolean countArgs) {
    TaskSpec spec = task.spec;
    tasks.put(spec.getTaskId(), task);
    if (countArgs) {
      for (TaskArg a : spec.getArgsList()) {
        if (a.hasObjectId()) {
          objects.get(a.getObjectId()).refCount++;
        }
      }
    }
    Set<String> unresolved = new LinkedHashSet<>();
    for (TaskArg a : spec.getArgsList()) {
      if (a.hasObjectId()) {
        ObjectEntry arg = objects.get(a.getObjectId());
        if (arg == null || arg.state == ObjectEntry.State.FAILED) {
          finishFailed(task, arg == null
              ? ObjectResults.systemError(ErrorInfo.Kind.OBJECT_LOST, spec.getName(), "argument " + a.getObjectId() + " is gone")
              : arg.error);
          return;
        }
        if (!arg.isReady()) {
          unresolved.add(arg.id);
        }
      }
    }
    for (String id : unresolved) {
      dependents.computeIfAbsent(id, k -> new HashSet<>()).add(spec.getTaskId());
    }
    if (!spec.getPlacementGroupId().isEmpty()) {
      groups.enqueue(task);
      schedule();
      return;
    }
    queue.add(jobId, request(task), unresolved, now());
    for (TaskArg a : spec.getArgsList()) {
      if (a.hasObjectId() && !unresolved.contains(a.getObjectId())) {
        queue.objectReady(a.getObjectId(), bytesByNode(objects.get(a.getObjectId())));
      }
    }
    schedule();
  }

  /**
   * A re-sent task still queued turns out to run (or have run) on a node since before the restart:
   * take that copy as its run. Not for tasks in placement groups (those simply run again).
   */
  boolean adoptQueued(String taskId, Recovery.Orphan copy) {
    TaskEntry t = tasks.get(taskId);
    if (t == null || t.state != TaskEntry.State.QUEUED || t.actor != null || !t.spec.getPlacementGroupId().isEmpty()) {
      return false;
    }
    queue.remove(taskId);
    t.markRunning(now());
    t.attempt = copy.attempt();
    t.reservation = copy.reservation() != null ? copy.reservation()
        : new Reservation(copy.nodeId(), Resources.of(Map.of()), List.of());
    return true;
  }

  /** Whose work a job is; local when the job is unknown. */
  Tenancy tenancyOf(String jobId) {
    Tenancy t = jobs.get(jobId);
    return t == null ? Tenancy.LOCAL : t;
  }

  /** True when the object exists and belongs to {@code t} (objects nodes reported after a restart: anyone's). */
  boolean visible(ObjectEntry o, Tenancy t) {
    return o != null && (o.jobId.isEmpty() || tenancyOf(o.jobId).equals(t));
  }

  /** Ids among {@code ids} that exist but belong to another tenancy: answered as unknown. */
  synchronized java.util.Set<String> hidden(Tenancy t, List<String> ids) {
    java.util.Set<String> out = new HashSet<>();
    if (jobs.isEmpty()) {
      return out;
    }
    for (String id : ids) {
      ObjectEntry o = objects.get(id);
      if (o != null && !visible(o, t)) {
        out.add(id);
      }
    }
    return out;
  }

  /** Why an argument cannot be used by the session (unknown, or another tenancy's), or null. */
  String unknownArgument(SessionEntry session, List<TaskArg> args) {
    for (TaskArg a : args) {
      if (a.hasObjectId() && !visible(objects.get(a.getObjectId()), session.tenancy)) {
        return "argument object " + a.getObjectId() + " is unknown: it was freed or never existed";
      }
    }
    return null;
  }

  PlacementRequest request(TaskEntry t) {
    Map<String, Double> demand = new HashMap<>(t.spec.getResources().getAmountsMap());
    return new PlacementRequest(
        t.spec.getTaskId(), t.spec.getName(), Resources.of(demand), t.spec.getLabelSelectorMap(), Map.of());
  }

  static Map<String, Long> bytesByNode(ObjectEntry e) {
    if (e.state != ObjectEntry.State.STORED) {
      return Map.of();
    }
    Map<String, Long> m = new HashMap<>();
    for (String n : e.nodes) {
      m.put(n, e.size);
    }
    return m;
  }

  /** Places whatever fits now and sends it to its node. */
  synchronized void schedule() {
    if (recovery.settling()) {
      return; // just restarted: nodes re-register first, so work they still run is adopted, not repeated
    }
    groups.schedule();
    for (Placement p : queue.schedule(cluster, now(), admission())) {
      TaskEntry t = tasks.get(p.taskId());
      if (t == null || nodes.get(p.nodeId()) == null) {
        cluster.release(p.reservation());
        continue;
      }
      quotas.charge(p.reservation(), tenancyOf(t.spec.getJobId()));
      startPlaced(t, p.reservation());
    }
  }

  /** Quota admission for one scheduling pass: what it admits counts against the next task's room. */
  private dev.flotilla.scheduler.core.Admission admission() {
    if (jobs.isEmpty()) {
      return dev.flotilla.scheduler.core.Admission.ALL;
    }
    Map<Tenancy, Resources> pass = new HashMap<>();
    return new dev.flotilla.scheduler.core.Admission() {
      @Override
      public String admit(String jobId, Resources demand) {
        Tenancy t = tenancyOf(jobId);
        String refused = quotas.check(t, demand, pass.getOrDefault(t, Resources.none()));
        if (refused == null) {
          pass.merge(t, demand, Resources::plus);
        }
        return refused;
      }

      @Override
      public void unadmit(String jobId, Resources demand) {
        pass.computeIfPresent(tenancyOf(jobId), (k, v) -> v.minus(demand));
      }
    };
  }

  /** Sends a placed task (or actor creation) to the node its reservation is on. */
  void startPlaced(TaskEntry t, Reservation r) {
    t.markRunning(now());
    t.reservation = r;
    NodeLink node = nodes.get(r.nodeId());
    if (node != null) {
      node.send(NodeCommand.newBuilder().setAssign(assignment(t)).build());
    }
  }

  /** Gives resources back: to their placement-group bundle, or to the node. */
  void releaseResources(Reservation r) {
    if (!groups.release(r)) {
      quotas.released(r);
      cluster.release(r);
    }
  }


  TaskAssignment assignment(TaskEntry t) {
    var a =
        TaskAssignment.newBuilder()
            .setTaskId(t.spec.getTaskId())
            .setAttempt(t.attempt)
            .setJobId(t.spec.getJobId())
            .setName(t.spec.getName())
            .setFunction(t.spec.getFunction())
            .addAllCodePackage(t.spec.getCodePackageList())
            .setReturnObjectId(t.spec.getTaskId())
            .addAllGpuIndices(t.reservation.gpuIndices())
            .setResources(t.spec.getResources())
            .setPlacementGroupId(t.spec.getPlacementGroupId())
            .setBundleIndex(Math.max(0, groups.bundleOf(t.reservation)))
            .setTenant((t.actor != null ? t.actor.tenancy : tenancyOf(t.spec.getJobId())).tenant());
    if (t.actor != null) {
      a.setJobId(t.actor.executorJob)
          .setActorId(t.actor.id())
          .setActorCreate(true)
          .setActorIncarnation(t.actor.incarnation)
          .setMaxConcurrency(t.actor.spec.getMaxConcurrency());
    }
    a.addAllArgs(argSources(t.spec.getArgsList()));
    return a.build();
  }

  /** Arguments as a node receives them: inline bytes, or where the stored object lives. */
  List<ArgSource> argSources(List<TaskArg> args) {
    List<ArgSource> out = new ArrayList<>(args.size());
    for (TaskArg arg : args) {
      if (arg.hasInlineValue()) {
        out.add(ArgSource.newBuilder().setInlineValue(arg.getInlineValue()).build());
        continue;
      }
      ObjectEntry o = objects.get(arg.getObjectId());
      if (o.state == ObjectEntry.State.INLINE) {
        out.add(ArgSource.newBuilder().setInlineValue(o.inline).build());
      } else {
        out.add(ArgSource.newBuilder()
            .setStored(StoredArg.newBuilder().setObjectId(o.id).setLocation(ObjectResults.location(o, nodes)))
            .build());
      }
    }
    return out;
  }

  /** Makes an object final (value, stored copy or error) and frees it if nobody holds it. */
  void settle(String objectId, ByteString inline, long size, String nodeId, ErrorInfo error) {
    ObjectEntry o = objects.get(objectId);
    if (o == null) {
      return;
    }
    if (error != null) {
      o.state = ObjectEntry.State.FAILED;
      o.error = error;
    } else if (inline != null) {
      o.state = ObjectEntry.State.INLINE;
      o.inline = inline;
      o.size = inline.size();
    } else {
      o.state = ObjectEntry.State.STORED;
      o.size = size;
      o.nodes.add(nodeId);
    }
    objectReady(o);
    if (o.refCount <= 0) {
      free(o);
    }
  }

  synchronized void taskFinished(TaskFinishedRequest r) {
    if (actors.isCall(r.getTaskId())) {
      actors.callFinished(r);
      schedule();
      return;
    }
    TaskEntry t = tasks.get(r.getTaskId());
    if (t == null && !objects.containsKey(r.getTaskId())) {
      recovery.finishedUnknown(r);
      return;
    }
    recovery.orphanEnded(r); // a copy that ran across the restart while its re-sent task ran again
    if (t != null && t.state == TaskEntry.State.QUEUED && recovery.inWindow()
        && adoptQueued(t.spec.getTaskId(), new Recovery.Orphan(r.getNodeId(), r.getAttempt(), null, ""))) {
      LOG.info(() -> "re-sent task " + r.getTaskId() + " had finished before the restart; its outcome adopted");
    }
    if (t == null || t.state != TaskEntry.State.RUNNING || t.attempt != r.getAttempt()
        || !t.reservation.nodeId().equals(r.getNodeId())) {
      return; // a late report of an attempt that was already retried elsewhere
    }
    if (t.actor != null) {
      actors.creationFinished(t, r);
      schedule();
      return;
    }
    meter(t, r);
    releaseReservation(t);
    switch (r.getOutcomeCase()) {
      case INLINE_RESULT -> finishOk(t, r.getInlineResult(), 0, null);
      case STORED_SIZE -> finishOk(t, null, r.getStoredSize(), r.getNodeId());
      case ERROR -> failOrRetry(t, r.getError());
      case OUTCOME_NOT_SET -> failOrRetry(t, ObjectResults.systemError(
          ErrorInfo.Kind.INVALID, t.spec.getName(), "the node reported no outcome"));
    }
    schedule();
  }

  /** A task attempt ran: its run time times its resources goes to its job's usage and budget. */
  private void meter(TaskEntry t, TaskFinishedRequest r) {
    if (r.getRunMicros() <= 0) {
      return;
    }
    Tenancy who = tenancyOf(t.spec.getJobId());
    Resources held = Resources.of(new HashMap<>(t.spec.getResources().getAmountsMap()));
    double seconds = r.getRunMicros() / 1e6;
    usage.add(who, t.spec.getJobId(), held, seconds, true);
    quotas.spendGpu(who, held.get(Resources.GPU) * seconds);
  }

  void releaseReservation(TaskEntry t) {
    if (t.reservation != null) {
      if (t.blocked) {
        cluster.reacquireCpu(t.reservation);
      }
      releaseResources(t.reservation);
      t.reservation = null;
      t.blocked = false;
    }
  }

  private void failOrRetry(TaskEntry t, ErrorInfo error) {
    boolean system = error.getKind() == ErrorInfo.Kind.EXECUTOR_DIED || error.getKind() == ErrorInfo.Kind.NODE_DIED;
    boolean retryable = system || (error.getKind() == ErrorInfo.Kind.APPLICATION && t.spec.getRetryExceptions());
    if (retryable && t.mayRetry()) {
      t.consumeRetry();
      t.state = TaskEntry.State.QUEUED;
      LOG.info(() -> "task " + t.spec.getTaskId() + " (" + t.spec.getName() + ") retried, attempt "
          + t.attempt + ": " + error.getMessage());
      queue.add(t.spec.getJobId(), request(t), Set.of(), now());
      return;
    }
    finishFailed(t, error);
  }

  void finishOk(TaskEntry t, ByteString inline, long size, String nodeId) {
    ObjectEntry o = objects.get(t.spec.getTaskId());
    if (o != null) {
      if (inline != null) {
        o.state = ObjectEntry.State.INLINE;
        o.inline = inline;
        o.size = inline.size();
      } else {
        o.state = ObjectEntry.State.STORED;
        o.size = size;
        o.nodes.add(nodeId);
      }
    }
    finish(t, o);
  }

  void finishFailed(TaskEntry t, ErrorInfo error) {
    ObjectEntry o = objects.get(t.spec.getTaskId());
    if (o != null) {
      o.state = ObjectEntry.State.FAILED;
      o.error = error;
    }
    finish(t, o);
  }

  /** The task is over for good: its result is final, its argument references go. */
  private void finish(TaskEntry t, ObjectEntry result) {
    tasks.remove(t.spec.getTaskId());
    queue.remove(t.spec.getTaskId());
    finishedTasks++;
    boolean argsHeldByLineage = lineage.keep(t, result);
    for (TaskArg a : t.spec.getArgsList()) {
      if (a.hasObjectId() && t.actor == null && !argsHeldByLineage) {
        Set<String> deps = dependents.get(a.getObjectId());
        if (deps != null) {
          deps.remove(t.spec.getTaskId());
        }
        decRef(a.getObjectId());
      }
    }
    if (result != null) {
      objectReady(result);
      if (result.refCount <= 0) {
        free(result);
      }
    }
  }

  /** An object became final: wake waiters and dependent tasks. */
  void objectReady(ObjectEntry o) {
    if (o.state == ObjectEntry.State.FAILED) {
      Set<String> deps = dependents.remove(o.id);
      if (deps != null) {
        for (String taskId : List.copyOf(deps)) {
          TaskEntry dep = tasks.get(taskId);
          if (dep != null && dep.state == TaskEntry.State.QUEUED) {
            finishFailed(dep, o.error.toBuilder().setTaskName(o.error.getTaskName()).build());
          }
        }
      }
    } else {
      dependents.remove(o.id);
      queue.objectReady(o.id, bytesByNode(o));
    }
    actors.objectReady(o);
    List<Waiter> ws = waiters.remove(o.id);
    if (ws != null) {
      for (Waiter w : ws) {
        w.ready += w.copies.getOrDefault(o.id, 1);
        if (!w.isDone() && w.enough(w.ready)) {
          w.complete();
        }
      }
    }
  }

  synchronized void taskBlocked(String taskId, boolean blocked) {
    TaskEntry t = tasks.get(taskId);
    if (t == null || t.state != TaskEntry.State.RUNNING || t.blocked == blocked
        || !t.spec.getPlacementGroupId().isEmpty()) {
      return; // tasks in a placement group keep their bundle's resources while blocked
    }
    t.blocked = blocked;
    if (blocked) {
      cluster.releaseCpuWhileBlocked(t.reservation);
      schedule();
    } else {
      cluster.reacquireCpu(t.reservation);
    }
  }

  // ---- actors (rules in Actors) ------------------------------------------------------------

  synchronized String createActor(ActorSpec spec) {
    SessionEntry session = sessions.get(spec.getSessionId());
    return session == null ? "unknown session " + spec.getSessionId() : actors.create(spec, session);
  }

  synchronized String callActor(ActorCallSpec spec) {
    SessionEntry session = sessions.get(spec.getSessionId());
    return session == null ? "unknown session " + spec.getSessionId() : actors.call(spec, session);
  }

  synchronized ActorEntry actorByName(Tenancy t, String namespace, String name) {
    return actors.byName(t, namespace, name);
  }

  synchronized String createPlacementGroup(dev.flotilla.protocol.scheduler.v1.PlacementGroupSpec spec) {
    SessionEntry session = sessions.get(spec.getSessionId());
    if (session == null) {
      return "unknown session " + spec.getSessionId();
    }
    String invalid = groups.create(spec, session);
    schedule();
    return invalid;
  }

  /** Removes a group of {@code t}'s; another tenancy's is not found. */
  synchronized void removePlacementGroup(String groupId, Tenancy t) {
    if (groups.visible(groupId, t)) {
      groups.remove(groupId);
      schedule();
    }
  }

  /** Kills an actor of {@code t}'s; another tenancy's is not found. */
  synchronized void killActor(String actorId, Tenancy t) {
    if (actors.visible(actorId, t) != null) {
      actors.kill(actorId, "killed by fl.kill()");
      schedule();
    }
  }

  synchronized void actorDied(String actorId, int incarnation, String message) {
    actors.executorDied(actorId, incarnation, message);
    schedule();
  }

  // ---- objects and references ---------------------------------------------------------------

  synchronized void putInline(SessionEntry s, String id, ByteString data) {
    var o = objects.computeIfAbsent(id, k -> new ObjectEntry(k, s.jobId));
    o.state = ObjectEntry.State.INLINE;
    o.inline = data;
    o.size = data.size();
    addRef(s, id);
    objectReady(o);
  }

  /** A node now holds a copy of a large object (a put, a task result copy or a fetch). */
  synchronized void objectSealed(String nodeId, String id, long size, String sessionId) {
    ObjectEntry o = objects.get(id);
    SessionEntry s = sessionId.isEmpty() ? null : sessions.get(sessionId);
    if (o == null) {
      if (s == null) {
        nodes.computeIfPresent(nodeId, (k, n) -> {
          n.send(NodeCommand.newBuilder().setFree(FreeObjects.newBuilder().addObjectIds(id)).build());
          return n;
        });
        return;
      }
      o = new ObjectEntry(id, s.jobId);
      objects.put(id, o);
    }
    o.nodes.add(nodeId);
    o.size = size;
    if (s != null) {
      addRef(s, id);
    }
    if (o.state == ObjectEntry.State.PENDING) {
      o.state = ObjectEntry.State.STORED;
      objectReady(o);
    }
  }

  synchronized void addRefs(SessionEntry s, List<String> ids) {
    for (String id : ids) {
      if (objects.containsKey(id)) {
        recovery.claim(id);
        addRef(s, id);
      }
    }
  }

  synchronized void releaseRefs(SessionEntry s, List<String> ids) {
    for (String id : ids) {
      Integer n = s.refs.get(id);
      if (n == null) {
        continue;
      }
      if (n <= 1) {
        s.refs.remove(id);
      } else {
        s.refs.put(id, n - 1);
      }
      decRef(id);
    }
  }

  void addRef(SessionEntry s, String id) {
    s.refs.merge(id, 1, Integer::sum);
    objects.get(id).refCount++;
  }

  void decRef(String id) {
    ObjectEntry o = objects.get(id);
    if (o == null) {
      return;
    }
    o.refCount--;
    if (o.refCount <= 0 && o.isReady() && !tasks.containsKey(id)) {
      free(o);
    }
  }

  void free(ObjectEntry o) {
    objects.remove(o.id);
    lineage.released(o);
    for (String n : o.nodes) {
      NodeLink link = nodes.get(n);
      if (link != null) {
        link.send(NodeCommand.newBuilder().setFree(FreeObjects.newBuilder().addObjectIds(o.id)).build());
      }
    }
  }

  int readyCount(List<String> ids) {
    int n = 0;
    for (String id : ids) {
      ObjectEntry o = objects.get(id);
      if (o == null || o.isReady()) {
        n++;
      }
    }
    return n;
  }

  /** Registers a waiter, or completes it at once if it is already satisfied. */
  synchronized void await(Waiter w) {
    w.ready = readyCount(w.ids);
    if (w.enough(w.ready)) {
      w.complete();
      return;
    }
    for (String id : w.copies.keySet()) {
      ObjectEntry o = objects.get(id);
      if (o != null && !o.isReady()) {
        waiters.computeIfAbsent(id, k -> new ArrayList<>()).add(w);
      }
    }
  }

  synchronized void expire(Waiter w) {
    w.complete();
  }

  // ---- sessions ----------------------------------------------------------------------------

  /** Opens a session, durably (a store failure fails the open). */
  synchronized SessionEntry openSession(String sessionId, String jobId, boolean driver, String clientName, Tenancy tenancy) {
    store.sessionOpened(new ClusterStateStore.SessionRow(sessionId, jobId, driver, clientName, tenancy.tenant(),
        tenancy.workspace()));
    var s = new SessionEntry(sessionId, jobId, driver, clientName, tenancy);
    sessions.put(sessionId, s);
    if (driver && !tenancy.tenant().isEmpty()) {
      jobs.put(jobId, tenancy);
    }
    return s;
  }

  synchronized void setQuota(Tenancy t, Map<String, Double> workspaceLimits, Map<String, Double> tenantLimits,
      Double gpuSecondsLeft) {
    quotas.setLimits(t, workspaceLimits, tenantLimits);
    if (gpuSecondsLeft != null) {
      quotas.setGpuBudget(t, gpuSecondsLeft);
    }
    schedule(); // raised limits may let waiting work go
  }

  /** The tenancy an executor's session of {@code jobId} gets: its job's. */
  synchronized Tenancy jobTenancy(String jobId) {
    return tenancyOf(jobId);
  }

  /** A session's client attached its lifeline; a restored session counts as back. */
  synchronized SessionEntry attachLifeline(String sessionId) {
    SessionEntry s = sessions.get(sessionId);
    if (s != null) {
      s.lifelineAttached = true;
    }
    return s;
  }

  synchronized SessionEntry session(String id) {
    return sessions.get(id);
  }

  /** Ends a session; a driver's ends its job: queued tasks dropped, executors stopped. */
  synchronized void closeSession(String id) {
    SessionEntry s = sessions.remove(id);
    if (s == null) {
      return;
    }
    persist(() -> {
      if (s.driver) {
        store.jobEnded(s.jobId);
      } else {
        store.sessionClosed(id);
      }
    });
    for (var e : List.copyOf(s.refs.entrySet())) {
      for (int i = 0; i < e.getValue(); i++) {
        decRef(e.getKey());
      }
    }
    s.refs.clear();
    if (!s.driver) {
      // A task's executor died: the tasks it submitted are orphans (its retry submits new ones).
      for (TaskEntry t : List.copyOf(tasks.values())) {
        if (t.spec.getSessionId().equals(id) && t.actor == null && tasks.containsKey(t.spec.getTaskId())) {
          releaseReservation(t);
          finishFailed(t, ObjectResults.systemError(ErrorInfo.Kind.CANCELLED, t.spec.getName(),
              "the task or actor that submitted it died (its session " + id + " closed)"));
        }
      }
      schedule();
      return;
    }
    actors.jobEnded(s.jobId);
    jobs.remove(s.jobId);
    groups.jobEnded(s.jobId);
    for (TaskEntry t : List.copyOf(tasks.values())) {
      if (t.spec.getJobId().equals(s.jobId)) {
        releaseReservation(t);
        finishFailed(t, ObjectResults.systemError(ErrorInfo.Kind.CANCELLED, t.spec.getName(), "the job's driver disconnected"));
      }
    }
    sessions.values().removeIf(other -> other.jobId.equals(s.jobId));
    for (ObjectEntry o : List.copyOf(objects.values())) {
      if (o.jobId.equals(s.jobId)) {
        free(o);
      }
    }
    for (NodeLink n : nodes.values()) {
      n.send(NodeCommand.newBuilder().setKillJob(KillJob.newBuilder().setJobId(s.jobId)).build());
    }
    schedule();
  }

  /** A state write whose failure must not stop the cluster: logged, the in-memory change stands. */
  void persist(Runnable write) {
    try {
      write.run();
    } catch (dev.flotilla.scheduler.state.StateStoreException e) {
      LOG.warning(() -> "scheduler state not saved: " + e.getMessage());
    }
  }

  // ---- nodes -------------------------------------------------------------------------------

  synchronized NodeLink node(String id) {
    return nodes.get(id);
  }

  synchronized void registerNode(NodeLink link) {
    NodeLink old = nodes.get(link.nodeId);
    if (old != null && old.alive) {
      nodeDied(old, "re-registered");
    }
    nodes.put(link.nodeId, link);
  }

  synchronized void nodeConnected(NodeLink link, Resources total, Map<String, String> labels, int gpus,
      dev.flotilla.protocol.scheduler.v1.RegisterNodeRequest registration) {
    cluster.upsertNode(link.nodeId, link.address, total, labels, gpus);
    LOG.info(() -> "node " + link.nodeId + " at " + link.address + " ready: " + total.describe());
    recovery.nodeConnected(link, registration);
    schedule();
  }

  synchronized boolean heartbeat(String nodeId, long storeUsed) {
    NodeLink n = nodes.get(nodeId);
    if (n == null || !n.alive) {
      return false;
    }
    n.lastHeartbeat = now();
    n.storeUsedBytes = storeUsed;
    return true;
  }

  /** Declares silent nodes dead. Called periodically. */
  synchronized void checkLiveness(java.time.Duration timeout) {
    Instant cutoff = now().minus(timeout);
    for (NodeLink n : List.copyOf(nodes.values())) {
      if (n.alive && n.lastHeartbeat.isBefore(cutoff)) {
        nodeDied(n, "missed heartbeats for " + timeout.toMillis() + " ms");
      }
    }
  }

  synchronized void nodeDied(NodeLink n, String why) {
    if (!n.alive) {
      return;
    }
    n.alive = false;
    LOG.warning(() -> "node " + n.nodeId + " declared dead: " + why);
    if (n.commands != null && !n.commands.isCancelled()) {
      n.commands.onCompleted();
    }
    for (TaskEntry t : List.copyOf(tasks.values())) {
      if (t.actor == null && t.state == TaskEntry.State.RUNNING && t.reservation.nodeId().equals(n.nodeId)) {
        releaseReservation(t);
        failOrRetry(t, ObjectResults.systemError(ErrorInfo.Kind.NODE_DIED, t.spec.getName(),
            "node " + n.nodeId + " died (" + why + ") while running the task"));
      }
    }
    recovery.nodeDied(n.nodeId);
    actors.nodeDied(n.nodeId, "node " + n.nodeId + " died (" + why + ")");
    groups.nodeDied(n.nodeId);
    cluster.markDead(n.nodeId);
    cluster.removeNode(n.nodeId);
    for (ObjectEntry o : List.copyOf(objects.values())) {
      if (o.nodes.remove(n.nodeId) && o.nodes.isEmpty() && o.state == ObjectEntry.State.STORED
          && !lineage.rebuild(o, "its only copy was on node " + n.nodeId + ", which died")) {
        o.state = ObjectEntry.State.FAILED;
        o.error = ObjectResults.systemError(ErrorInfo.Kind.OBJECT_LOST, "",
            "Object " + o.id + " was lost: its only copy was on node " + n.nodeId + ", which died");
        objectReady(o);
      }
    }
    schedule();
  }

  /** The node with the most free object-store space, for a put. */
  synchronized NodeLink nodeForPut(long size) {
    NodeLink best = null;
    for (NodeLink n : nodes.values()) {
      if (n.alive && n.commands != null
          && (best == null || n.storeCapacityBytes - n.storeUsedBytes > best.storeCapacityBytes - best.storeUsedBytes)) {
        best = n;
      }
    }
    return best;
  }
}
