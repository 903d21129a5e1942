package dev.flotilla.bench;

import dev.flotilla.api.Flotilla;
import dev.flotilla.deploy.cluster.LocalCluster;
import dev.flotilla.deploy.cluster.LocalClusterOptions;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The frame every Flotilla suite shares: parse the options, start a local cluster (or use {@code
 * FLOTILLA_ADDRESS}), connect, run the suite's figures, stop the cluster, and write the report.
 * Main thread only.
 */
final class SuiteRunner {
  /** What a suite's figures run against. {@code cluster} is null for a cluster that is not ours. */
  record Env(BenchArgs args, Flotilla fl, LocalCluster cluster, Rounds rounds, List<String> notes, PrintStream log) {}

  /** A suite's figures, in order. */
  @FunctionalInterface
  interface Body {
    List<Measurement> run(Env env) throws Exception;
  }

  private SuiteRunner() {}

  /**
   * Runs one suite and writes {@code <prefix>-<time>.md|csv} under {@code --out-dir}; exits with 2
   * on bad options.
   *
   * @param configure adjusts the local cluster's options (resources, CPUs) beyond the shared ones
   */
  static void main(String[] argv, BenchArgs.Suite suite, String title, String prefix,
      Consumer<LocalClusterOptions.Builder> configure, Body body) throws Exception {
    BenchArgs args = parseOrExit(argv, suite);
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
      configure.accept(options);
      LocalClusterOptions built = options.build();
      cluster = LocalCluster.start(built);
      address = cluster.address().toString();
      target = "local, started by the benchmark: 1 scheduler + %d workers as OS processes at %s, %d MB object store each%s, logs in %s"
          .formatted(args.workers(), cluster.address(), args.storeMbPerWorker(),
              built.resourcesPerWorker().isBlank() ? "" : ", resources per worker " + built.resourcesPerWorker(),
              args.workDir().resolve("logs"));
      log.printf("cluster up at %s in %.1f s (logs: %s)%n", address, (System.nanoTime() - t0) / 1e9, args.workDir().resolve("logs"));
    } else {
      target = "FLOTILLA_ADDRESS=" + address + " (not started by the benchmark; only the driver's CPU is accounted)";
    }
    var processes = new ClusterProcesses(cluster);
    List<Measurement> results;
    List<String> flags;
    var notes = new ArrayList<String>();
    try (Flotilla fl = Flotilla.connect(address)) {
      results = body.run(new Env(args, fl, cluster, new Rounds(args.rounds(), processes, log), notes, log));
      flags = processes.jvmFlags();
    } finally {
      if (cluster != null) {
        cluster.close();
      }
    }
    var ctx = new Report.Context(title, date, command(argv, suite), MachineInfo.current(), target, args.describeRounds(), flags,
        loadBefore, MachineInfo.loadAverage(), notes);
    Report.writeSuite(args.outDir(), prefix, results, ctx);
  }

  /**
   * Runs the suite's hot paths in every process before any figure, until {@code --prewarm-ops}
   * operations are done or {@code --prewarm-ms} has passed: at a few dozen calls a second, a
   * figure's own warm-up would take minutes to get the scheduler's, workers' and executors' hot
   * paths compiled. Adds a note saying what it did.
   *
   * @param chunk runs some operations and says how many
   */
  static void prewarm(BenchArgs args, List<String> notes, PrintStream log, String what, LongSupplier chunk) {
    long t0 = System.nanoTime();
    long deadline = t0 + args.prewarm().toNanos();
    long ops = 0;
    while (ops < args.prewarmOps() && System.nanoTime() < deadline) {
      ops += chunk.getAsLong();
    }
    String line = String.format("pre-warm: %,d %s in %.1f s%s", ops, what, (System.nanoTime() - t0) / 1e9,
        ops < args.prewarmOps() ? " (stopped by --prewarm-ms)" : "");
    log.println("  " + line);
    notes.add(line);
  }

  /** Fails the suite when an operation did not do what it should: its rate would mean nothing. */
  static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("benchmark sanity check failed: " + what);
    }
  }

  static BenchArgs parseOrExit(String[] argv, BenchArgs.Suite suite) {
    try {
      return BenchArgs.parse(argv, suite);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      throw e;
    }
  }

  /** How this JVM was started, without its (long) class path: the script's line when it set one. */
  static String command(String[] argv, BenchArgs.Suite suite) {
    String script = System.getenv("FLOTILLA_BENCH_COMMAND");
    if (script != null && !script.isBlank()) {
      return script;
    }
    return "java " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())
        + " -cp … " + suite.name() + (argv.length == 0 ? "" : " " + String.join(" ", argv));
  }
}
