package dev.flotilla.worker.agent;

import dev.flotilla.protocol.worker.v1.ExecuteTask;
import dev.flotilla.protocol.worker.v1.WorkerMessage;
import dev.flotilla.runtime.internal.codepackage.ClassPaths;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * Starts, reuses and supervises executor JVMs: one per (job, GPU set). A dead executor's tasks are
 * reported lost (the scheduler retries them) and the next task for that key starts a fresh one.
 * Thread-safe.
 */
final class ExecutorPool implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ExecutorPool.class.getName());

  private final WorkerConfig config;
  private final TenantUsers users;
  private final String workerAddress;
  private final Path logDir;
  private final BiConsumer<ExecutorProcess, List<ExecutorProcess.Running>> onDeath;
  private final Map<String, ExecutorProcess> byKey = new ConcurrentHashMap<>();
  private final Map<String, ExecutorProcess> byId = new ConcurrentHashMap<>();
  private final AtomicLong counter = new AtomicLong();
  private volatile String nodeId = "";

  ExecutorPool(
      WorkerConfig config,
      TenantUsers users,
      String workerAddress,
      BiConsumer<ExecutorProcess, List<ExecutorProcess.Running>> onDeath) throws IOException {
    this.config = config;
    this.users = users;
    this.workerAddress = workerAddress;
    this.logDir = Files.createDirectories(config.workDir().resolve("logs"));
    if (users.switching()) {
      PosixFiles.mode(logDir, "rwx------"); // every tenant's executor logs: the worker's alone
    }
    this.onDeath = onDeath;
  }

  void setNodeId(String nodeId) {
    this.nodeId = nodeId;
  }

  /**
   * Runs a task on its (job, GPU set) executor, starting one if needed. Actor work goes to the
   * actor's own executor: its creation starts one; a call finds it, or fails with {@link
   * ActorGoneException} if it has died. A new executor runs as {@code user} (null: as the worker).
   */
  void submit(String jobId, List<Integer> gpus, ExecuteTask task, Runnable cleanup, int incarnation, ExecutorUser user)
      throws IOException, ActorGoneException {
    String gpuKey = gpus.stream().sorted().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("");
    String actorId = task.getActorId().isEmpty() ? null : task.getActorId();
    String key = actorId == null ? jobId + "|" + gpuKey : "actor|" + actorId;
    while (true) {
      ExecutorProcess e;
      synchronized (this) {
        e = byKey.get(key);
        if (e == null || e.isDead()) {
          if (actorId != null && !task.getActorCreate()) {
            throw new ActorGoneException("the executor of actor " + actorId + " is gone");
          }
          e = spawn(jobId, gpuKey, actorId, incarnation, user);
          byKey.put(key, e);
        }
      }
      if (e.submit(task, cleanup)) {
        return;
      }
    }
  }

  /** Thrown when a call arrives for an actor whose executor has died. */
  static final class ActorGoneException extends Exception {
    private static final long serialVersionUID = 1L;

    ActorGoneException(String message) {
      super(message);
    }
  }

  private ExecutorProcess spawn(String jobId, String gpuKey, String actorId, int incarnation, ExecutorUser user)
      throws IOException {
    String id = "exec-" + counter.incrementAndGet() + "-" + nodeId;
    List<String> cmd = new ArrayList<>(TenantUsers.launcher(user));
    cmd.add(config.javaCommand());
    cmd.addAll(config.executorJvmArgs());
    cmd.addAll(TenantUsers.jvmArgs(user));
    cmd.add("-cp");
    cmd.add(ClassPaths.join(users.classPath()));
    cmd.add("dev.flotilla.runtime.internal.executor.ExecutorMain");
    var pb = new ProcessBuilder(cmd);
    Path log = logDir.resolve("executor-" + jobId + "-" + id + ".log");
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    TenantUsers.restrict(pb, user);
    Map<String, String> env = pb.environment();
    env.put("FLOTILLA_WORKER", workerAddress);
    env.put("FLOTILLA_SCHEDULER", config.scheduler());
    env.put("FLOTILLA_JOB_ID", jobId);
    env.put("FLOTILLA_EXECUTOR_ID", id);
    String secret = newSecret();
    env.put("FLOTILLA_EXECUTOR_SECRET", secret); // in the environment: other users cannot read it, unlike argv
    env.put("FLOTILLA_NODE_ID", nodeId);
    env.put("CUDA_VISIBLE_DEVICES", gpuKey);
    Process p = pb.start();
    var e = new ExecutorProcess(id, jobId, gpuKey, p, actorId, incarnation, user, secret);
    byId.put(id, e);
    LOG.info(() -> "executor " + id + " started for job " + jobId + " (pid " + p.pid() + ", GPUs [" + gpuKey + "], "
        + TenantUsers.describe(user) + "), log " + log);
    p.onExit().thenRun(() -> died(e));
    return e;
  }

  private void died(ExecutorProcess e) {
    byId.remove(e.executorId);
    byKey.remove(e.actorId == null ? e.jobId + "|" + e.gpuKey : "actor|" + e.actorId, e);
    List<ExecutorProcess.Running> lost = e.died();
    LOG.info(() -> "executor " + e.executorId + " exited with " + e.process.exitValue() + "; " + lost.size() + " task(s) lost");
    onDeath.accept(e, lost);
  }

  /** The executor with this id if {@code secret} is its secret, else null. */
  ExecutorProcess authenticated(String executorId, String secret) {
    ExecutorProcess e = byId.get(executorId);
    return e != null && e.holds(secret) ? e : null;
  }

  /** Binds an executor's stream when it says hello; null if the id is unknown or the secret not its. */
  ExecutorProcess connected(String executorId, String secret, StreamObserver<WorkerMessage> stream) {
    ExecutorProcess e = authenticated(executorId, secret);
    if (e != null) {
      e.connected(stream);
    }
    return e;
  }

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  private static String newSecret() {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    return java.util.HexFormat.of().formatHex(b);
  }

  /** Kills a job's task executors; its actors are killed one by one (detached ones survive). */
  void killJob(String jobId) {
    for (ExecutorProcess e : List.copyOf(byId.values())) {
      if (e.jobId.equals(jobId) && e.actorId == null) {
        e.process.destroyForcibly();
      }
    }
  }

  void killActor(String actorId) {
    for (ExecutorProcess e : List.copyOf(byId.values())) {
      if (actorId.equals(e.actorId)) {
        e.process.destroyForcibly();
      }
    }
  }

  /** The actors whose executors live here, as a re-registration reports them. */
  List<dev.flotilla.protocol.scheduler.v1.LiveActor> liveActors() {
    List<dev.flotilla.protocol.scheduler.v1.LiveActor> out = new ArrayList<>();
    for (ExecutorProcess e : byId.values()) {
      if (e.actorId != null && !e.isDead()) {
        var a = dev.flotilla.protocol.scheduler.v1.LiveActor.newBuilder().setActorId(e.actorId)
            .setIncarnation(e.actorIncarnation);
        for (String g : e.gpuKey.split(",")) {
          if (!g.isEmpty()) {
            a.addGpuIndices(Integer.parseInt(g));
          }
        }
        out.add(a.build());
      }
    }
    return out;
  }

  List<ExecutorProcess> all() {
    return List.copyOf(byId.values());
  }

  @Override
  public void close() {
    for (ExecutorProcess e : List.copyOf(byId.values())) {
      e.process.destroyForcibly();
    }
  }
}
