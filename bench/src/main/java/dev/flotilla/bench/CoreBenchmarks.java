package dev.flotilla.bench;

import dev.flotilla.api.Flotilla;
import dev.flotilla.api.ObjectRef;
import dev.flotilla.deploy.cluster.LocalCluster;
import dev.flotilla.deploy.cluster.LocalClusterOptions;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Flotilla's core microbenchmarks in the shape of Ray's {@code ray microbenchmark}: one client
 * thread submitting no-op tasks one at a time and in batches, putting small objects, getting a put
 * object, and putting large byte arrays. Starts a local cluster (scheduler and workers as OS
 * processes) unless {@code FLOTILLA_ADDRESS} names one. Prints a table and writes a markdown
 * fragment and a CSV under {@code --out-dir}. Run it with {@code bench/run-core.sh}.
 */
public final class CoreBenchmarks {
  static final String TASKS_SYNC = "single client tasks sync";
  static final String TASKS_ASYNC = "single client tasks async";
  static final String PUT_CALLS = "single client put calls";
  static final String GET_CALLS = "single client get calls";
  static final String PUT_GB = "single client put gigabytes";
  static final String GET_GB = "single client get gigabytes";
  static final List<String> KEYS = List.of("tasks-sync", "tasks-async", "put-calls", "get-calls", "put-gb", "get-gb");

  private final BenchArgs args;
  private final Flotilla fl;
  private final Rounds rounds;
  private final StoreDrain drain;
  private final List<String> notes = new ArrayList<>();

  private CoreBenchmarks(BenchArgs args, Flotilla fl, Rounds rounds, StoreDrain drain) {
    this.args = args;
    this.fl = fl;
    this.rounds = rounds;
    this.drain = drain;
  }

  public static void main(String[] argv) throws Exception {
    BenchArgs args;
    try {
      args = BenchArgs.parse(argv);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    PrintStream log = System.err;
    String date = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    double loadBefore = MachineInfo.loadAverage();
    String address = System.getenv("FLOTILLA_ADDRESS");
    LocalCluster cluster = null;
    String target;
    if (address == null || address.isBlank()) {
      long t0 = System.nanoTime();
      var options = LocalClusterOptions.builder()
          .workers(args.workers()).storeMbPerWorker(args.storeMbPerWorker()).workDir(args.workDir());
      if (!args.clusterJvmArgs().isEmpty()) {
        var jvm = new ArrayList<>(LocalClusterOptions.builder().build().jvmArgs());
        jvm.addAll(args.clusterJvmArgs());
        options.jvmArgs(jvm);
      }
      cluster = LocalCluster.start(options.build());
      address = cluster.address().toString();
      target = "local, started by the benchmark: 1 scheduler + %d workers as OS processes at %s, %d MB object store each, logs in %s"
          .formatted(args.workers(), cluster.address(), args.storeMbPerWorker(), args.workDir().resolve("logs"));
      log.printf("cluster up at %s in %.1f s (logs: %s)%n", address, (System.nanoTime() - t0) / 1e9, args.workDir().resolve("logs"));
    } else {
      target = "FLOTILLA_ADDRESS=" + address + " (not started by the benchmark; only the driver's CPU is accounted)";
    }
    var processes = new ClusterProcesses(cluster);
    List<Measurement> results;
    List<String> flags;
    var notes = new ArrayList<String>();
    try (Flotilla fl = Flotilla.connect(address);
        var drain = new StoreDrain(cluster, 1L << 20, Duration.ofSeconds(20), log)) {
      var bench = new CoreBenchmarks(args, fl, new Rounds(args.rounds(), processes, log), drain);
      results = bench.runAll();
      flags = processes.jvmFlags();
      notes.addAll(bench.notes);
      if (drain.timeouts() > 0) {
        notes.add("the object stores did not drain before " + drain.timeouts() + " round(s) of large puts/gets");
      }
    } finally {
      if (cluster != null) {
        cluster.close();
      }
    }
    String table = Report.table(results);
    System.out.println();
    System.out.print(table);
    var ctx = new Report.Context(date, command(argv), MachineInfo.current(), target, args.describeRounds(), flags,
        loadBefore, MachineInfo.loadAverage(), notes);
    String stamp = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path md = args.outDir().resolve("core-" + stamp + ".md");
    Path csv = args.outDir().resolve("core-" + stamp + ".csv");
    Report.write(md, Report.markdown(results, ctx));
    Report.write(csv, String.join("\n", Report.csv(results)) + "\n");
    System.out.println("\nwrote " + md.toAbsolutePath() + "\n      " + csv.toAbsolutePath());
  }

  private List<Measurement> runAll() throws Exception {
    List<Measurement> out = new ArrayList<>();
    Runnable none = () -> {};
    prewarm();
    if (args.runs("tasks-sync")) {
      check("ok".equals(fl.task(BenchFns::ok).remote().get()), "a task returned something other than \"ok\"");
      out.add(rounds.measure(TASKS_SYNC, "tasks", 1, () -> fl.task(BenchFns::ok).remote().get(), none));
    }
    if (args.runs("tasks-async")) {
      int n = args.asyncBatch();
      out.add(rounds.measure(TASKS_ASYNC, "tasks", n, () -> {
        List<ObjectRef<String>> refs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          refs.add(fl.task(BenchFns::ok).remote());
        }
        fl.get(refs);
      }, none));
    }
    if (args.runs("put-calls")) {
      out.add(rounds.measure(PUT_CALLS, "calls", 1, () -> fl.put(0), none));
    }
    if (args.runs("get-calls")) {
      ObjectRef<Integer> small = fl.put(0);
      check(small.get() == 0, "a put 0 came back as something else");
      out.add(rounds.measure(GET_CALLS, "calls", 1, small::get, none));
    }
    if (args.runs("put-gb") || args.runs("get-gb")) {
      byte[] data = new byte[args.largeMib() << 20];
      new Random(42).nextBytes(data);
      double gb = data.length / 1e9;
      if (args.runs("put-gb")) {
        drain.markBaseline();
        out.add(rounds.measure(PUT_GB, "GB", gb, () -> fl.put(data), drain));
      }
      if (args.runs("get-gb")) {
        ObjectRef<byte[]> big = fl.put(data);
        check(Arrays.equals(big.get(), data), "a " + args.largeMib() + " MiB put came back different");
        drain.markBaseline();
        out.add(rounds.measure(GET_GB, "GB", gb, big::get, drain));
        notes.add(GET_GB + " is not one of Ray's figures: it gets one " + args.largeMib()
            + " MiB object the driver put (not cached in the driver, so each get streams it from the worker's store)");
      }
    }
    return out;
  }

  /**
   * Runs the task and small-object paths of every process before any figure, until {@code
   * --prewarm-tasks} tasks and as many small puts are done or {@code --prewarm-ms} has passed: at a
   * few dozen sync tasks a second, a figure's own warm-up would take minutes to get the
   * scheduler's, workers' and executors' hot paths compiled.
   */
  private void prewarm() {
    long t0 = System.nanoTime();
    long deadline = t0 + args.prewarm().toNanos();
    int batch = Math.min(args.asyncBatch(), 1000);
    long tasks = 0;
    while (tasks < args.prewarmTasks() && System.nanoTime() < deadline) {
      List<ObjectRef<String>> refs = new ArrayList<>(batch);
      for (int i = 0; i < batch; i++) {
        refs.add(fl.task(BenchFns::ok).remote());
      }
      fl.get(refs);
      for (int i = 0; i < 20; i++) {
        fl.task(BenchFns::ok).remote().get();
      }
      for (int i = 0; i < batch; i++) {
        fl.put(i);
      }
      tasks += batch + 20;
    }
    String line = String.format("pre-warm: %,d tasks and about as many small puts in %.1f s%s", tasks,
        (System.nanoTime() - t0) / 1e9, tasks < args.prewarmTasks() ? " (stopped by --prewarm-ms)" : "");
    System.err.println("  " + line);
    notes.add(line);
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("benchmark sanity check failed: " + what);
    }
  }

  /** How this JVM was started, without its (long) class path. */
  private static String command(String[] argv) {
    String script = System.getenv("FLOTILLA_BENCH_COMMAND");
    if (script != null && !script.isBlank()) {
      return script;
    }
    return "java " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())
        + " -cp … " + CoreBenchmarks.class.getName() + (argv.length == 0 ? "" : " " + String.join(" ", argv));
  }
}
