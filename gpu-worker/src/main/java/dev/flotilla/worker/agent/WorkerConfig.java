package dev.flotilla.worker.agent;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How a gpu-worker runs.
 *
 * @param scheduler the scheduler's flotilla:// address
 * @param host the address other processes reach this node at
 * @param port gRPC port; 0 picks a free one
 * @param workDir node-local files: code cache, logs, spill
 * @param storeBytes object store capacity in shared memory
 * @param javaCommand the java binary executors run with
 * @param executorClassPath the runtime jars executors run with (never the job's code)
 * @param executorJvmArgs extra JVM flags for executors
 * @param customResources operator-declared resources, e.g. {@code tpu-slice=4}
 * @param labels operator-declared node labels, e.g. {@code zone=a}
 * @param executorRoot where a root worker keeps what tenant executors reach (their homes, code,
 *     the runtime class path, spilled objects); null picks one (see {@link TenantUsers#open})
 */
public record WorkerConfig(
    String scheduler,
    String host,
    int port,
    Path workDir,
    long storeBytes,
    String javaCommand,
    List<Path> executorClassPath,
    List<String> executorJvmArgs,
    Map<String, Double> customResources,
    Map<String, String> labels,
    Path executorRoot) {

  /** Objects up to this many bytes travel inline (matches the scheduler's default). */
  public static final long INLINE_LIMIT = 100 * 1024;
}
