package dev.flotilla.deploy.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to start a {@link LocalCluster}. Build with {@link #builder()}.
 *
 * @param cpusPerWorker CPUs each worker advertises; 0 = what the machine has
 * @param resourcesPerWorker custom resources each worker declares, e.g. {@code tpu-slice=2}
 * @param schedulerDatabase where the scheduler keeps its state across restarts; null: in memory
 * @param edgeSecret the secret the api-server presents to the scheduler; null: no edge (all local)
 */
public record LocalClusterOptions(
    int workers,
    int gpusPerWorker,
    int cpusPerWorker,
    String resourcesPerWorker,
    String fakeGpuModel,
    long storeMbPerWorker,
    int schedulerPort,
    Path workDir,
    Path logDir,
    String javaCommand,
    List<String> jvmArgs,
    List<Path> classPath,
    Duration heartbeat,
    Duration nodeTimeout,
    Duration startTimeout,
    SchedulerDatabase schedulerDatabase,
    String edgeSecret) {

  /** A PostgreSQL database for the scheduler (JDBC URL, user, password). */
  public record SchedulerDatabase(String jdbcUrl, String user, String password) {}

  public static Builder builder() {
    return new Builder();
  }

  /** Builds options; not thread-safe. */
  public static final class Builder {
    private int workers = 2;
    private int gpusPerWorker;
    private int cpusPerWorker;
    private String resourcesPerWorker = "";
    private String fakeGpuModel = "";
    private long storeMbPerWorker = 1024;
    private int schedulerPort;
    private Path workDir = Path.of(System.getProperty("user.home"), ".flotilla");
    private Path logDir;
    private String javaCommand = ProcessHandle.current().info().command().orElse("java");
    private List<String> jvmArgs = List.of(
        "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED", "-XX:+UseParallelGC");
    private List<Path> classPath = LocalCluster.currentClassPath();
    private Duration heartbeat = Duration.ofMillis(500);
    private Duration nodeTimeout = Duration.ofSeconds(5);
    private Duration startTimeout = Duration.ofSeconds(60);
    private SchedulerDatabase schedulerDatabase;
    private String edgeSecret;

    public Builder workers(int n) { this.workers = n; return this; }
    public Builder gpusPerWorker(int g) { this.gpusPerWorker = g; return this; }
    public Builder cpusPerWorker(int c) { this.cpusPerWorker = c; return this; }
    public Builder resourcesPerWorker(String r) { this.resourcesPerWorker = r; return this; }
    /** The model name fake GPUs report, e.g. "NVIDIA H100 80GB HBM3" (label gpu.family=H100). */
    public Builder fakeGpuModel(String m) { this.fakeGpuModel = m; return this; }
    public Builder storeMbPerWorker(long mb) { this.storeMbPerWorker = mb; return this; }
    public Builder schedulerPort(int p) { this.schedulerPort = p; return this; }
    public Builder workDir(Path p) { this.workDir = p; return this; }
    public Builder logDir(Path p) { this.logDir = p; return this; }
    public Builder javaCommand(String j) { this.javaCommand = j; return this; }
    public Builder jvmArgs(List<String> a) { this.jvmArgs = List.copyOf(a); return this; }
    public Builder classPath(List<Path> cp) { this.classPath = List.copyOf(cp); return this; }
    public Builder heartbeat(Duration d) { this.heartbeat = d; return this; }
    public Builder nodeTimeout(Duration d) { this.nodeTimeout = d; return this; }
    public Builder startTimeout(Duration d) { this.startTimeout = d; return this; }
    public Builder schedulerDatabase(SchedulerDatabase db) { this.schedulerDatabase = db; return this; }
    public Builder edgeSecret(String secret) { this.edgeSecret = secret; return this; }

    /** @throws IllegalArgumentException naming the first invalid option */
    public LocalClusterOptions build() {
      if (workers < 0 || gpusPerWorker < 0 || cpusPerWorker < 0 || storeMbPerWorker < 16) {
        throw new IllegalArgumentException("workers, gpus and cpus must be >= 0 and the store >= 16 MB");
      }
      if (nodeTimeout.compareTo(heartbeat) <= 0) {
        throw new IllegalArgumentException("node timeout must exceed the heartbeat interval");
      }
      return new LocalClusterOptions(workers, gpusPerWorker, cpusPerWorker, resourcesPerWorker, fakeGpuModel, storeMbPerWorker, schedulerPort,
          workDir, logDir == null ? workDir.resolve("logs") : logDir, javaCommand, jvmArgs, classPath,
          heartbeat, nodeTimeout, startTimeout, schedulerDatabase, edgeSecret);
    }
  }
}
