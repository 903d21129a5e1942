package dev.flotilla.bench;

import dev.flotilla.deploy.cluster.LocalCluster;
import dev.flotilla.deploy.cluster.ManagedProcess;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The processes a benchmark exercises, by role, for CPU accounting and for recording their JVM
 * flags. Without a local cluster (a remote {@code FLOTILLA_ADDRESS}) only the driver is known.
 * Reads {@code /proc} through {@link ProcessHandle}; call from one thread.
 */
final class ClusterProcesses {
  private final LocalCluster cluster; // null when the cluster is not ours

  ClusterProcesses(LocalCluster cluster) {
    this.cluster = cluster;
  }

  /** Total CPU time so far of each role's processes, in nanoseconds. */
  Map<String, Long> cpuNanos() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("driver", cpu(ProcessHandle.current()));
    if (cluster != null) {
      m.put("scheduler", cpu(cluster.scheduler().handle()));
      long workers = 0;
      long executors = 0;
      for (ManagedProcess w : cluster.workers()) {
        workers += cpu(w.handle());
        executors += w.handle().descendants().mapToLong(ClusterProcesses::cpu).sum();
      }
      m.put("workers", workers);
      m.put("executors", executors);
    }
    return m;
  }

  /** {@code after - before}, role by role. */
  static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
    Map<String, Long> d = new LinkedHashMap<>();
    after.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0L)));
    return d;
  }

  /** Each process's JVM flags (the arguments before {@code -cp}), by role. */
  List<String> jvmFlags() {
    List<String> out = new ArrayList<>();
    out.add("driver: " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    if (cluster != null) {
      out.add("scheduler: " + flags(cluster.scheduler().handle()));
      for (ManagedProcess w : cluster.workers()) {
        out.add(w.role() + ": " + flags(w.handle()));
        w.handle().descendants().forEach(e -> out.add("  executor of " + w.role() + " (pid " + e.pid() + "): " + flags(e)));
      }
    }
    return out;
  }

  private static long cpu(ProcessHandle p) {
    return p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  private static String flags(ProcessHandle p) {
    Optional<String[]> args = p.info().arguments();
    if (args.isEmpty()) {
      return "(unknown)";
    }
    List<String> f = new ArrayList<>();
    for (String a : args.get()) {
      if (a.equals("-cp") || a.equals("-classpath") || a.equals("--class-path")) {
        break;
      }
      f.add(a);
    }
    return f.isEmpty() ? "(none)" : String.join(" ", f);
  }
}
