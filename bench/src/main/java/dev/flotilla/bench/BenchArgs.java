package dev.flotilla.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of a benchmark suite, each {@code --name value}: the ones every suite shares
 * (cluster, rounds, pre-warm, output) and the suite's own, which {@link Suite} declares with their
 * defaults.
 *
 * @param clusterJvmArgs flags added to {@link dev.flotilla.deploy.cluster.LocalClusterOptions}'
 *     defaults for the scheduler and workers (not their executors, whose flags the worker sets)
 * @param prewarmOps how many operations the suite's pre-warm runs at most (tasks, calls)
 * @param only benchmark keys to run ({@link Suite#keys}); all when empty
 * @param own the suite's own options, defaults filled in
 */
record BenchArgs(
    Suite suite,
    Path workDir,
    Path outDir,
    int workers,
    long storeMbPerWorker,
    Rounds.Config rounds,
    Duration prewarm,
    long prewarmOps,
    List<String> clusterJvmArgs,
    Set<String> only,
    Map<String, String> own) {

  /**
   * What one suite adds to the shared options.
   *
   * @param name the main class's simple name, for the usage line
   * @param keys the figures {@code --only} may pick
   * @param own the suite's own options and their defaults, in usage order
   */
  record Suite(String name, List<String> keys, Map<String, String> own) {
    Suite {
      keys = List.copyOf(keys);
      own = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(own));
    }

    String usage() {
      var sb = new StringBuilder("usage: ").append(name)
          .append(" [--work-dir DIR] [--out-dir DIR] [--workers 2] [--store-mb 1024]\n")
          .append("    [--round-ms 2000] [--min-warmup 4] [--max-warmup 12] [--window 3] [--tolerance 0.10] [--timed 5]\n")
          .append("    [--prewarm-ops 10000] [--prewarm-ms 90000] [--cluster-jvm-args \"-Xms1g -Xmx1g ...\"]\n    ");
      own.forEach((k, v) -> sb.append("[--").append(k).append(' ').append(v).append("] "));
      return sb.append("\n    [--only ").append(String.join(",", keys)).append("]\n")
          .append("  Starts a local cluster with --workers workers unless FLOTILLA_ADDRESS is set.").toString();
    }
  }

  private static final Set<String> SHARED = Set.of("work-dir", "out-dir", "workers", "store-mb", "round-ms", "min-warmup",
      "max-warmup", "window", "tolerance", "timed", "prewarm-ms", "prewarm-ops", "cluster-jvm-args", "only");

  /**
   * @throws IllegalArgumentException with the usage text, for {@code --help} or a bad option
   */
  static BenchArgs parse(String[] args, Suite suite) {
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--help") || args[i].equals("-h")) {
        throw new IllegalArgumentException(suite.usage());
      }
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("bad option " + args[i] + "\n" + suite.usage());
      }
      o.put(args[i].substring(2), args[++i]);
    }
    for (String k : o.keySet()) {
      if (!SHARED.contains(k) && !suite.own().containsKey(k)) {
        throw new IllegalArgumentException("unknown option --" + k + "\n" + suite.usage());
      }
    }
    Set<String> only = o.containsKey("only") ? Set.copyOf(List.of(o.get("only").split(","))) : Set.of();
    var unknown = new HashSet<>(only);
    unknown.removeAll(suite.keys());
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown benchmark(s) " + unknown + "; known: " + suite.keys());
    }
    Map<String, String> own = new LinkedHashMap<>(suite.own());
    own.replaceAll((k, v) -> o.getOrDefault(k, v));
    return new BenchArgs(
        suite,
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
        Duration.ofMillis(Long.parseLong(o.getOrDefault("prewarm-ms", "90000"))),
        Long.parseLong(o.getOrDefault("prewarm-ops", "10000")),
        o.getOrDefault("cluster-jvm-args", "").isBlank() ? List.of() : List.of(o.get("cluster-jvm-args").trim().split("\\s+")),
        only,
        Map.copyOf(own));
  }

  boolean runs(String key) {
    return only.isEmpty() || only.contains(key);
  }

  /** One of the suite's own options as an int. */
  int intOption(String name) {
    String v = own.get(name);
    if (v == null) {
      throw new IllegalArgumentException(suite.name() + " has no option --" + name);
    }
    return Integer.parseInt(v);
  }

  String describeRounds() {
    return "pre-warm up to %,d operations or %d s; rounds of %d ms; per figure, warm-up until the last %d rates are within %.0f%% (at least %d, at most %d rounds); %d timed rounds"
        .formatted(prewarmOps, prewarm.toSeconds(), rounds.round().toMillis(), rounds.window(), rounds.tolerance() * 100, rounds.minWarmup(),
            rounds.maxWarmup(), rounds.timed());
  }
}
