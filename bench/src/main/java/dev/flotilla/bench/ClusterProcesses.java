package dev.flotilla.bench;

import dev.flotilla.deploy.cluster.LocalCluster;
import dev.flotilla.deploy.cluster.ManagedProcess;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The processes a benchmark exercises, by role, for CPU accounting and for recording their JVM
 * flags: the driver (this JVM), a local cluster's scheduler, workers and executors, and any peer
 * processes (a Pekko server). Without a local cluster (a remote {@code FLOTILLA_ADDRESS}) only the
 * driver and peers are known. Reads {@code /proc} through {@link ProcessHandle}; call from one
 * thread.
 */
final class ClusterProcesses {
  /** A process outside any Flotilla cluster that a figure exercises, e.g. a peer's server. */
  record Peer(String role, ProcessHandle handle) {}

  private final LocalCluster cluster; // null when the cluster is not ours
  private final List<Peer> peers;

  ClusterProcesses(LocalCluster cluster) {
    this(cluster, List.of());
  }

  ClusterProcesses(LocalCluster cluster, List<Peer> peers) {
    this.cluster = cluster;
    this.peers = List.copyOf(peers);
  }

  /** One reading of every known process's CPU time. */
  record Snapshot(Map<Long, String> roles, Map<Long, Long> cpuNanos) {}

  /** The CPU time so far of every process, with its role. Reads {@code /proc}. */
  Snapshot snapshot() {
    Map<Long, String> roles = new LinkedHashMap<>();
    Map<Long, Long> cpu = new LinkedHashMap<>();
    add(ProcessHandle.current(), "driver", roles, cpu);
    if (cluster != null) {
      add(cluster.scheduler().handle(), "scheduler", roles, cpu);
      for (ManagedProcess w : cluster.workers()) {
        add(w.handle(), "workers", roles, cpu);
        w.handle().descendants().forEach(e -> add(e, "executors", roles, cpu));
      }
    }
    peers.forEach(p -> add(p.handle(), p.role(), roles, cpu));
    return new Snapshot(roles, cpu);
  }

  /**
   * CPU used between two snapshots, summed by role. A process that started in between counts in
   * full; one that exited in between is left out (its last interval cannot be read).
   */
  static Map<String, Long> used(Snapshot before, Snapshot after) {
    Map<String, Long> d = new LinkedHashMap<>();
    before.roles().values().forEach(role -> d.put(role, 0L));
    after.roles().values().forEach(role -> d.put(role, 0L));
    after.cpuNanos().forEach((pid, nanos) ->
        d.merge(after.roles().get(pid), Math.max(0, nanos - before.cpuNanos().getOrDefault(pid, 0L)), Long::sum));
    return d;
  }

  private static void add(ProcessHandle p, String role, Map<Long, String> roles, Map<Long, Long> cpu) {
    p.info().totalCpuDuration().ifPresent(d -> {
      roles.put(p.pid(), role);
      cpu.put(p.pid(), d.toNanos());
    });
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
    peers.forEach(p -> out.add(p.role() + ": " + flags(p.handle())));
    return out;
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
