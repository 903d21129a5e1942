package dev.flotilla.deploy.cluster;

import dev.flotilla.protocol.scheduler.v1.ClusterStatusRequest;
import dev.flotilla.protocol.scheduler.v1.ClusterStatusResponse;
import dev.flotilla.protocol.scheduler.v1.DriverServiceGrpc;
import dev.flotilla.protocol.scheduler.v1.NodeStatus;
import dev.flotilla.runtime.internal.client.Channels;
import dev.flotilla.runtime.internal.client.ClusterAddress;
import dev.flotilla.runtime.internal.codepackage.ClassPaths;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A real cluster on this machine: a scheduler and gpu-workers, each its own OS process, talking
 * gRPC on loopback. Used by {@code flotilla cluster start} and by tests. Thread-safe for reads;
 * start and stop from one thread.
 */
public final class LocalCluster implements AutoCloseable {
  private final LocalClusterOptions options;
  private ManagedProcess scheduler;
  private final List<ManagedProcess> workers = new ArrayList<>();
  private ClusterAddress address;
  private ManagedChannel channel;

  private LocalCluster(LocalClusterOptions options) {
    this.options = options;
  }

  /** Starts the scheduler and the workers; returns once every worker is registered. */
  public static LocalCluster start(LocalClusterOptions options) {
    var c = new LocalCluster(options);
    try {
      c.startScheduler();
      for (int i = 0; i < options.workers(); i++) {
        c.addWorker(options.gpusPerWorker());
      }
      c.awaitNodes(options.workers(), options.startTimeout());
      return c;
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
  }

  public ClusterAddress address() {
    return address;
  }

  public ManagedProcess scheduler() {
    return scheduler;
  }

  public synchronized List<ManagedProcess> workers() {
    return List.copyOf(workers);
  }

  private void startScheduler() {
    startScheduler(options.schedulerPort(), "scheduler");
  }

  private void startScheduler(int port, String role) {
    Path addressFile = options.workDir().resolve("scheduler.address");
    try {
      Files.createDirectories(options.workDir());
      Files.deleteIfExists(addressFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> args = new ArrayList<>(List.of(
        "dev.flotilla.scheduler.service.SchedulerMain",
        "--port", String.valueOf(port),
        "--address-file", addressFile.toString(),
        "--data-dir", options.workDir().resolve("scheduler").toString(),
        "--heartbeat-ms", String.valueOf(options.heartbeat().toMillis()),
        "--node-timeout-ms", String.valueOf(options.nodeTimeout().toMillis())));
    List<String> env = new ArrayList<>();
    var db = options.schedulerDatabase();
    if (db != null) {
      args.addAll(List.of("--db-url", db.jdbcUrl(), "--db-user", db.user()));
      env.add("FLOTILLA_SCHEDULER_DB_PASSWORD=" + db.password());
    }
    if (options.edgeSecret() != null) {
      env.add("FLOTILLA_EDGE_SECRET=" + options.edgeSecret());
    }
    scheduler = launch(role, args, env);
    awaitCondition("the scheduler to listen", options.startTimeout(), scheduler,
        () -> Files.isRegularFile(addressFile) && readable(addressFile));
    try {
      address = ClusterAddress.parse(Files.readString(addressFile));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (channel == null) {
      channel = Channels.open(address.target());
    }
  }

  /**
   * Kills the scheduler with SIGKILL and starts a new one on the same port (for fault injection).
   * Workers and drivers find it again by themselves; returns once the new one listens.
   */
  public synchronized void restartScheduler() {
    int port = address.port();
    scheduler.kill();
    scheduler.handle().onExit().join();
    schedulerRestarts++;
    startScheduler(port, "scheduler-" + schedulerRestarts);
  }

  private int schedulerRestarts;

  private static boolean readable(Path f) {
    try {
      return Files.readString(f).endsWith("\n");
    } catch (IOException e) {
      return false;
    }
  }

  /** The worker process that registered as {@code nodeId} (from its log), for fault injection. */
  public synchronized java.util.Optional<ManagedProcess> workerForNode(String nodeId) {
    String marker = "gpu-worker " + nodeId + " listening";
    return workers.stream().filter(w -> w.logTail(200).contains(marker)).findFirst();
  }

  /** Starts one more worker with {@code gpus} fake GPUs; does not wait for it to register. */
  public synchronized ManagedProcess addWorker(int gpus) {
    int n = workers.size() + 1;
    List<String> env = new ArrayList<>();
    env.add("FLOTILLA_FAKE_GPUS=" + gpus);
    if (options.cpusPerWorker() > 0) {
      env.add("FLOTILLA_CPUS=" + options.cpusPerWorker());
    }
    if (!options.fakeGpuModel().isBlank()) {
      env.add("FLOTILLA_FAKE_GPU_MODEL=" + options.fakeGpuModel());
    }
    if (!options.resourcesPerWorker().isBlank()) {
      env.add("FLOTILLA_RESOURCES=" + options.resourcesPerWorker());
    }
    ManagedProcess w = launch("worker-" + n, List.of(
        "dev.flotilla.worker.agent.WorkerMain",
        "--scheduler", address.toString(),
        "--work-dir", options.workDir().resolve("worker-" + n).toString(),
        "--store-mb", String.valueOf(options.storeMbPerWorker())), env);
    workers.add(w);
    return w;
  }

  private ManagedProcess launch(String role, List<String> mainAndArgs, List<String> env) {
    List<String> cmd = new ArrayList<>();
    cmd.add(options.javaCommand());
    cmd.addAll(options.jvmArgs());
    cmd.add("-cp");
    cmd.add(ClassPaths.join(options.classPath()));
    cmd.addAll(mainAndArgs);
    var pb = new ProcessBuilder(cmd);
    Path log = options.logDir().resolve(role + ".log");
    try {
      Files.createDirectories(options.logDir());
      pb.redirectErrorStream(true).redirectOutput(log.toFile());
      pb.environment().put("FLOTILLA_ADDRESS", address == null ? "" : address.toString());
      for (String kv : env) {
        int eq = kv.indexOf('=');
        pb.environment().put(kv.substring(0, eq), kv.substring(eq + 1));
      }
      return new ManagedProcess(role, pb.start().toHandle(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + role, e);
    }
  }

  /** The scheduler's view of the cluster. Blocks up to 10 s. */
  public ClusterStatusResponse status() {
    return DriverServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .clusterStatus(ClusterStatusRequest.getDefaultInstance());
  }

  public long aliveNodes() {
    return status().getNodesList().stream().filter(NodeStatus::getAlive).count();
  }

  /** Waits until {@code n} nodes are alive (registered with an open command stream). */
  public void awaitNodes(int n, Duration timeout) {
    awaitCondition(n + " alive node(s)", timeout, scheduler, () -> {
      var s = status();
      return s.getNodesList().stream().filter(x -> x.getAlive() && x.hasTotal()).count() >= n;
    });
  }

  private void awaitCondition(String what, Duration timeout, ManagedProcess watched, BooleanSupplier ok) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        if (ok.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException e) {
        // not up yet
      }
      if (!watched.isAlive()) {
        throw new IllegalStateException(watched.role() + " exited while waiting for " + what + "; log:\n" + watched.logTail(30));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out after " + timeout + " waiting for " + what + "; " + watched.role() + " log:\n" + watched.logTail(30));
      }
      try {
        Thread.sleep(50); // polling a condition with a deadline, not a bare wait
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + what, e);
      }
    }
  }

  /** Leaves the processes running (the CLI's start) and drops this JVM's connection. */
  public void detach() {
    if (channel != null) {
      Channels.close(channel);
      channel = null;
    }
  }

  /** Stops every process: workers first (they kill their executors), then the scheduler. */
  @Override
  public void close() {
    if (channel != null) {
      Channels.close(channel);
    }
    for (ManagedProcess w : workers()) {
      w.stop(5_000);
    }
    if (scheduler != null) {
      scheduler.stop(5_000);
    }
  }

  /** This JVM's class path, for launching Flotilla processes from a test or the CLI. */
  public static List<Path> currentClassPath() {
    return ClassPaths.current();
  }
}
