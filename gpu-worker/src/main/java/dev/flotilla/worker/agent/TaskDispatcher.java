package dev.flotilla.worker.agent;

import dev.flotilla.protocol.common.v1.ErrorInfo;
import dev.flotilla.protocol.scheduler.v1.ActorDiedRequest;
import dev.flotilla.protocol.scheduler.v1.ArgSource;
import dev.flotilla.protocol.scheduler.v1.NodeServiceGrpc;
import dev.flotilla.protocol.scheduler.v1.RunningWork;
import dev.flotilla.protocol.scheduler.v1.TaskAssignment;
import dev.flotilla.protocol.scheduler.v1.TaskFinishedRequest;
import dev.flotilla.protocol.worker.v1.ExecuteTask;
import dev.flotilla.protocol.worker.v1.LocalArg;
import dev.flotilla.protocol.worker.v1.StoredFile;
import dev.flotilla.protocol.worker.v1.TaskDone;
import dev.flotilla.worker.store.ObjectStore;
import dev.flotilla.worker.store.StoreFullException;
import dev.flotilla.worker.store.StoredObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Turns a scheduler's assignment into an executor's task: fetches code and stored arguments to
 * this node, hands the task to the (job, GPU set) executor, and reports the outcome. Each
 * assignment is prepared on its own virtual thread. Thread-safe.
 */
final class TaskDispatcher {
  private static final Logger LOG = Logger.getLogger(TaskDispatcher.class.getName());

  private final CodeCache code;
  private final ObjectFetcher fetcher;
  private final ObjectStore store;
  private final ExecutorPool pool;
  private final TenantUsers users;
  private final NodeServiceGrpc.NodeServiceBlockingStub scheduler;
  private final Supplier<String> nodeId;

  TaskDispatcher(CodeCache code, ObjectFetcher fetcher, ObjectStore store, ExecutorPool pool, TenantUsers users,
      NodeServiceGrpc.NodeServiceBlockingStub scheduler, Supplier<String> nodeId) {
    this.users = users;
    this.code = code;
    this.fetcher = fetcher;
    this.store = store;
    this.pool = pool;
    this.scheduler = scheduler;
    this.nodeId = nodeId;
  }

  void dispatch(TaskAssignment a) {
    TaskFinishedRequest ran = a.getActorId().isEmpty() || a.getActorCreate() ? null
        : outcomes.get(a.getActorId(), a.getTaskId());
    if (ran != null && ran.hasStoredSize() && !store.contains(a.getReturnObjectId())) {
      ran = null; // its stored result was freed since: run it again
    }
    if (ran != null) { // re-sent by a restarted scheduler: answer, do not run it again
      TaskFinishedRequest kept = ran;
      io.grpc.Context.ROOT.run(() -> redelivery.send("the outcome of task " + a.getTaskId(),
          () -> scheduler.withDeadlineAfter(30, java.util.concurrent.TimeUnit.SECONDS)
              .taskFinished(kept.toBuilder().setAttempt(a.getAttempt()).setNodeId(nodeId.get()).build())));
      return;
    }
    running.put(a.getTaskId(), a);
    if (a.getActorId().isEmpty()) {
      Thread.ofVirtual().name("dispatch-" + a.getTaskId()).start(() -> prepareAndSend(a));
    } else {
      // An actor's work is prepared in arrival order, so its calls reach it in submission order.
      actorLanes.computeIfAbsent(a.getActorId(),
          id -> java.util.concurrent.Executors.newSingleThreadExecutor(Thread.ofVirtual().factory()))
          .execute(() -> prepareAndSend(a));
    }
  }

  private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.ExecutorService> actorLanes =
      new java.util.concurrent.ConcurrentHashMap<>();
  /** Assignments not yet reported finished, by task id: what a re-registration reports running. */
  private final java.util.concurrent.ConcurrentHashMap<String, TaskAssignment> running =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final CallOutcomes outcomes = new CallOutcomes(20_000, 32L << 20);
  private final Redelivery redelivery = new Redelivery(java.time.Duration.ofMinutes(10), java.time.Duration.ofMillis(500));

  /** The work this node runs now, as a re-registration reports it. */
  List<RunningWork> runningWork() {
    List<RunningWork> out = new ArrayList<>();
    for (TaskAssignment a : running.values()) {
      out.add(RunningWork.newBuilder().setTaskId(a.getTaskId()).setAttempt(a.getAttempt()).setActorId(a.getActorId())
          .setActorCreate(a.getActorCreate()).setResources(a.getResources()).addAllGpuIndices(a.getGpuIndicesList())
          .setPlacementGroupId(a.getPlacementGroupId()).setBundleIndex(a.getBundleIndex()).build());
    }
    return out;
  }

  /** Reports still waiting for the scheduler. */
  int undelivered() {
    return redelivery.waiting();
  }

  void close() {
    redelivery.close();
  }

  /** The actor is gone from this node: drop its lane. */
  void forgetActor(String actorId) {
    outcomes.forget(actorId);
    var lane = actorLanes.remove(actorId);
    if (lane != null) {
      lane.shutdown();
    }
  }

  private void prepareAndSend(TaskAssignment a) {
    List<String> pinned = new ArrayList<>();
    Runnable unpin = () -> pinned.forEach(store::unpin);
    try {
      ExecutorUser user = users.forTenant(a.getTenant());
      var task =
          ExecuteTask.newBuilder()
              .setTaskId(a.getTaskId())
              .setAttempt(a.getAttempt())
              .setName(a.getName())
              .setFunction(a.getFunction())
              .setReturnObjectId(a.getReturnObjectId())
              .setResultPath((user == null ? store.pathFor(a.getReturnObjectId())
                  : store.stagingPathFor(a.getReturnObjectId(), user.staging())).toString())
              .setInlineLimitBytes(WorkerConfig.INLINE_LIMIT)
              .setActorId(a.getActorId())
              .setActorCreate(a.getActorCreate())
              .setMaxConcurrency(a.getMaxConcurrency());
      for (String hash : a.getCodePackageList()) {
        task.addCodePaths(code.ensure(hash, user).toString());
      }
      for (ArgSource arg : a.getArgsList()) {
        if (arg.hasInlineValue()) {
          task.addArgs(LocalArg.newBuilder().setInlineValue(arg.getInlineValue()));
        } else {
          StoredObject o = fetcher.acquire(arg.getStored().getObjectId(), arg.getStored().getLocation());
          pinned.add(o.objectId());
          users.grant(o.path(), user);
          task.addArgs(LocalArg.newBuilder().setFile(
              StoredFile.newBuilder().setObjectId(o.objectId()).setPath(o.path().toString()).setSize(o.size())));
        }
      }
      pool.submit(a.getJobId(), a.getGpuIndicesList(), task.build(), unpin, a.getActorIncarnation(), user);
    } catch (ExecutorPool.ActorGoneException e) {
      unpin.run();
      report(TaskFinishedRequest.newBuilder().setTaskId(a.getTaskId()).setAttempt(a.getAttempt())
          .setError(error(ErrorInfo.Kind.EXECUTOR_DIED, a.getName(), e.getMessage())));
    } catch (IOException | RuntimeException e) {
      unpin.run();
      LOG.warning(() -> "cannot start task " + a.getTaskId() + ": " + e.getMessage());
      report(TaskFinishedRequest.newBuilder().setTaskId(a.getTaskId()).setAttempt(a.getAttempt())
          .setError(error(ErrorInfo.Kind.INVALID, a.getName(), "the node could not prepare the task: " + e.getMessage())));
    }
  }

  /** An executor reported a task's outcome. */
  void done(ExecutorProcess e, TaskDone d) {
    ExecutorProcess.Running r = e.finished(d.getTaskId());
    if (r == null) {
      return;
    }
    r.cleanup().run();
    var out = TaskFinishedRequest.newBuilder().setTaskId(d.getTaskId()).setAttempt(d.getAttempt())
        .setRunMicros(d.getRunMicros());
    switch (d.getOutcomeCase()) {
      case INLINE_RESULT -> out.setInlineResult(d.getInlineResult());
      case STORED_SIZE -> {
        java.nio.file.Path written = java.nio.file.Path.of(r.task().getResultPath());
        try {
          store.sealExisting(r.task().getReturnObjectId(), d.getStoredSize(), written);
          out.setStoredSize(d.getStoredSize());
        } catch (StoreFullException | RuntimeException ex) {
          store.delete(r.task().getReturnObjectId());
          store.discardStaged(written);
          out.setError(error(ErrorInfo.Kind.INVALID, r.task().getName(), "the result does not fit the node's object store: " + ex.getMessage()));
        }
      }
      case ERROR -> out.setError(d.getError());
      case OUTCOME_NOT_SET -> out.setError(error(ErrorInfo.Kind.INVALID, r.task().getName(), "the executor reported no outcome"));
    }
    if (!r.task().getActorId().isEmpty() && !r.task().getActorCreate()) {
      outcomes.keep(r.task().getActorId(), out.setNodeId(nodeId.get()).build());
    }
    report(out);
  }

  /** An executor died: every task it ran is reported lost, for the scheduler to retry. */
  void executorDied(ExecutorProcess e, List<ExecutorProcess.Running> lost) {
    int code = e.process.exitValue();
    if (e.actorId != null) {
      forgetActor(e.actorId);
      var died = ActorDiedRequest.newBuilder().setNodeId(nodeId.get()).setActorId(e.actorId)
          .setIncarnation(e.actorIncarnation)
          .setMessage("its executor " + e.executorId + " (pid " + e.process.pid() + ") exited with code " + code)
          .build();
      io.grpc.Context.ROOT.run(() -> redelivery.send("the death of actor " + e.actorId,
          () -> scheduler.withDeadlineAfter(10, java.util.concurrent.TimeUnit.SECONDS).actorDied(died)));
    }
    for (ExecutorProcess.Running r : lost) {
      r.cleanup().run();
      report(TaskFinishedRequest.newBuilder().setTaskId(r.task().getTaskId()).setAttempt(r.task().getAttempt())
          .setError(error(ErrorInfo.Kind.EXECUTOR_DIED, r.task().getName(),
              "executor " + e.executorId + " (pid " + e.process.pid() + ") exited with code " + code + " while running the task")));
    }
  }

  private void report(TaskFinishedRequest.Builder r) {
    var request = r.setNodeId(nodeId.get()).build();
    running.remove(request.getTaskId());
    // Outside the caller's gRPC context: a report made while handling an executor's stream must
    // not be cancelled when that executor dies. Kept and re-sent while the scheduler is away.
    io.grpc.Context.ROOT.run(() -> redelivery.send("the outcome of task " + request.getTaskId(),
        () -> scheduler.withDeadlineAfter(30, java.util.concurrent.TimeUnit.SECONDS).taskFinished(request)));
  }

  private static ErrorInfo error(ErrorInfo.Kind kind, String task, String message) {
    return ErrorInfo.newBuilder().setKind(kind).setTaskName(task)
        .setExceptionClass(kind == ErrorInfo.Kind.EXECUTOR_DIED ? "dev.flotilla.api.WorkerDiedException" : "dev.flotilla.api.FlotillaException")
        .setMessage(message).build();
  }
}
