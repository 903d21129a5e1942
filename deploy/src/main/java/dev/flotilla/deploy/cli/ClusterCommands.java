package dev.flotilla.deploy.cli;

import dev.flotilla.deploy.cluster.LocalCluster;
import dev.flotilla.deploy.cluster.LocalClusterOptions;
import dev.flotilla.deploy.cluster.ManagedProcess;
import dev.flotilla.protocol.scheduler.v1.ClusterStatusRequest;
import dev.flotilla.protocol.scheduler.v1.ClusterStatusResponse;
import dev.flotilla.protocol.scheduler.v1.DriverServiceGrpc;
import dev.flotilla.runtime.internal.client.Channels;
import dev.flotilla.runtime.internal.client.ClusterAddress;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code flotilla cluster start | status | stop}. */
final class ClusterCommands {
  private final ClusterHome home;

  ClusterCommands(ClusterHome home) {
    this.home = home;
  }

  int start(String[] args) {
    if (!home.liveProcesses().isEmpty()) {
      System.err.println("flotilla: a cluster is already running at " + home.address().orElse("?")
          + " (" + home.liveProcesses().size() + " processes); stop it first with `flotilla cluster stop`");
      return 1;
    }
    Map<String, String> o = options(args);
    var options = LocalClusterOptions.builder()
        .workers(intOption(o, "workers", 2))
        .gpusPerWorker(intOption(o, "gpus-per-worker", 0))
        .cpusPerWorker(intOption(o, "cpus-per-worker", 0))
        .storeMbPerWorker(intOption(o, "store-mb", 1024))
        .resourcesPerWorker(o.getOrDefault("resources", ""))
        .workDir(home.dir().resolve("cluster"))
        .logDir(home.logs())
        .build();
    System.out.println("Starting a scheduler and " + options.workers() + " gpu-worker(s); logs in " + home.logs());
    LocalCluster cluster = LocalCluster.start(options);
    List<String> pids = new ArrayList<>();
    pids.add("scheduler " + cluster.scheduler().pid());
    for (ManagedProcess w : cluster.workers()) {
      pids.add(w.role() + " " + w.pid());
    }
    home.write(cluster.address().toString(), pids);
    printStatus(cluster.status());
    cluster.detach();
    System.out.println();
    System.out.println("Cluster address: " + cluster.address() + "  (written to " + home.addressFile() + ")");
    System.out.println("Drivers connect with Flotilla.connect(); stop with `./flotilla cluster stop`.");
    return 0;
  }

  int status() {
    String address = home.address().orElseThrow(
        () -> new IllegalStateException("no cluster address in " + home.addressFile() + "; start one with `flotilla cluster start`"));
    var channel = Channels.open(ClusterAddress.parse(address).target());
    try {
      ClusterStatusResponse s = DriverServiceGrpc.newBlockingStub(channel)
          .withDeadlineAfter(5, TimeUnit.SECONDS)
          .clusterStatus(ClusterStatusRequest.getDefaultInstance());
      System.out.println("Cluster " + address);
      printStatus(s);
      return 0;
    } catch (StatusRuntimeException e) {
      System.err.println("flotilla: the cluster at " + address + " does not answer (" + e.getStatus().getCode()
          + "); start one with `flotilla cluster start`");
      return 1;
    } finally {
      Channels.close(channel);
    }
  }

  int stop() {
    List<ProcessHandle> live = home.liveProcesses();
    for (ProcessHandle p : live) {
      p.destroy();
    }
    for (ProcessHandle p : live) {
      try {
        p.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        p.destroyForcibly();
      }
    }
    home.clear();
    System.out.println(live.isEmpty() ? "No cluster was running." : "Stopped " + live.size() + " process(es).");
    return 0;
  }

  static void printStatus(ClusterStatusResponse s) {
    System.out.print(StatusTable.render(s));
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("bad option " + args[i]);
      }
      out.put(args[i].substring(2), args[++i]);
    }
    return out;
  }

  private static int intOption(Map<String, String> o, String name, int fallback) {
    String v = o.remove(name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a whole number >= 0, got " + v);
    }
  }
}
