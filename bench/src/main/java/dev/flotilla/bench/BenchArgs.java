package dev.flotilla.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of {@link CoreBenchmarks}, each {@code --name value}.
 *
 * @param clusterJvmArgs flags added to {@link dev.flotilla.deploy.cluster.LocalClusterOptions}'
 *     defaults for the scheduler and workers (not their executors, whose flags the worker sets)
 * @param only benchmark keys to run ({@link CoreBenchmarks#KEYS}); all when empty
 */
record BenchArgs(
    Path workDir,
    Path outDir,
    int workers,
    long storeMbPerWorker,
    Rounds.Config rounds,
    int asyncBatch,
    int largeMib,
    Duration prewarm,
    long prewarmTasks,
    List<String> clusterJvmArgs,
    Set<String> only) {

  static final String USAGE = """
      usage: CoreBenchmarks [--work-dir DIR] [--out-dir DIR] [--workers 2] [--store-mb 1024]
                            [--round-ms 2000] [--min-warmup 4] [--max-warmup 12] [--window 3]
                            [--tolerance 0.10] [--timed 5] [--async-batch 1000] [--large-mib 64]
                            [--prewarm-tasks 10000] [--prewarm-ms 90000]
                            [--cluster-jvm-args "-Xms1g -Xmx1g ..."]
                            [--only tasks-sync,tasks-async,put-calls,get-calls,put-gb,get-gb]
        Starts a local cluster with --workers workers unless FLOTILLA_ADDRESS is set.""";

  static BenchArgs parse(String[] args) {
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("bad option " + args[i] + "\n" + USAGE);
      }
      o.put(args[i].substring(2), args[++i]);
    }
    var known = Set.of("work-dir", "out-dir", "workers", "store-mb", "round-ms", "min-warmup", "max-warmup",
        "window", "tolerance", "timed", "async-batch", "large-mib", "prewarm-ms", "prewarm-tasks", "cluster-jvm-args", "only");
    if (o.containsKey("help")) {
      throw new IllegalArgumentException(USAGE);
    }
    for (String k : o.keySet()) {
      if (!known.contains(k)) {
        throw new IllegalArgumentException("unknown option --" + k + "\n" + USAGE);
      }
    }
    Set<String> only = o.containsKey("only") ? Set.copyOf(List.of(o.get("only").split(","))) : Set.of();
    for (String k : only) {
      if (!CoreBenchmarks.KEYS.contains(k)) {
        throw new IllegalArgumentException("unknown benchmark " + k + "; known: " + CoreBenchmarks.KEYS);
      }
    }
    return new BenchArgs(
        Path.of(o.getOrDefault("work-dir",
            Path.of(System.getProperty("java.io.tmpdir"), "flotilla-bench-" + ProcessHandle.current().pid()).toString())),
        Path.of(o.getOrDefault("out-dir", "target/bench-results")),
        Integer.parseInt(o.getOrDefault("workers", "2")),
        Long.parseLong(o.getOrDefault("store-mb", "1024")),
        new Rounds.Config(
            Duration.ofMillis(Long.parseLong(o.getOrDefault("round-ms", "2000"))),
            Integer.parseInt(o.getOrDefault("min-warmup", "4")),
            Integer.parseInt(o.getOrDefault("max-warmup", "12")),
            Integer.parseInt(o.getOrDefault("window", "3")),
            Double.parseDouble(o.getOrDefault("tolerance", "0.10")),
            Integer.parseInt(o.getOrDefault("timed", "5"))),
        Integer.parseInt(o.getOrDefault("async-batch", "1000")),
        Integer.parseInt(o.getOrDefault("large-mib", "64")),
        Duration.ofMillis(Long.parseLong(o.getOrDefault("prewarm-ms", "90000"))),
        Long.parseLong(o.getOrDefault("prewarm-tasks", "10000")),
        o.getOrDefault("cluster-jvm-args", "").isBlank() ? List.of() : List.of(o.get("cluster-jvm-args").trim().split("\\s+")),
        only);
  }

  boolean runs(String key) {
    return only.isEmpty() || only.contains(key);
  }

  String describeRounds() {
    return "pre-warm up to %,d tasks (and as many small puts) or %d s; rounds of %d ms; per figure, warm-up until the last %d rates are within %.0f%% (at least %d, at most %d rounds); %d timed rounds"
        .formatted(prewarmTasks, prewarm.toSeconds(), rounds.round().toMillis(), rounds.window(), rounds.tolerance() * 100, rounds.minWarmup(),
            rounds.maxWarmup(), rounds.timed());
  }
}
