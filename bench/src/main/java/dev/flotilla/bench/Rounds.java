package dev.flotilla.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Runs one operation in rounds of fixed length: warm-up rounds until the rate is steady (the last
 * {@link Config#window} rates within {@link Config#tolerance} of each other, after at least {@link
 * Config#minWarmup} rounds), then {@link Config#timed} rounds whose rates are the figure. A round
 * runs whole operations until its time is up, so it may run over by one operation. Main thread
 * only.
 */
final class Rounds {
  /** One operation; it counts as {@code unitsPerOp} units (tasks, calls, bytes) of the figure. */
  @FunctionalInterface
  interface Op {
    void run() throws Exception;
  }

  /**
   * @param round how long each round runs
   * @param minWarmup warm-up rounds always run
   * @param maxWarmup warm-up rounds at most; past it the figure is marked not steady
   * @param window how many recent warm-up rounds must agree
   * @param tolerance how far they may spread: max/min - 1
   * @param timed timed rounds, the figure's median/min/max
   */
  record Config(Duration round, int minWarmup, int maxWarmup, int window, double tolerance, int timed) {
    Config {
      if (round.isNegative() || round.isZero() || timed < 1 || window < 1 || minWarmup < window
          || maxWarmup < minWarmup || tolerance <= 0) {
        throw new IllegalArgumentException("bad round config: " + this);
      }
    }
  }

  private final Config config;
  private final ClusterProcesses processes;
  private final PrintStream log;

  Rounds(Config config, ClusterProcesses processes, PrintStream log) {
    this.config = config;
    this.processes = processes;
    this.log = log;
  }

  /**
   * Measures {@code op}. {@code betweenRounds} runs before every round, outside its timing.
   *
   * @throws Exception whatever {@code op} throws: a figure with failed operations is no figure
   */
  Measurement measure(String name, String unit, double unitsPerOp, Op op, Runnable betweenRounds) throws Exception {
    List<Double> warmup = new ArrayList<>();
    boolean steady = false;
    while (warmup.size() < config.maxWarmup() && !steady) {
      betweenRounds.run();
      warmup.add(round(op, unitsPerOp).rate);
      steady = warmup.size() >= config.minWarmup() && spread(warmup) <= config.tolerance();
      log.printf("  %-34s warm-up %2d: %,14.1f %s/s%n", name, warmup.size(), warmup.getLast(), unit);
    }
    if (!steady) {
      log.printf("  %-34s NOT STEADY after %d warm-up rounds (last %d spread %.0f%%)%n",
          name, warmup.size(), config.window(), spread(warmup) * 100);
    }
    List<Double> timed = new ArrayList<>();
    Map<String, Long> cpu = null;
    long ops = 0;
    for (int i = 0; i < config.timed(); i++) {
      betweenRounds.run();
      ClusterProcesses.Snapshot before = processes.snapshot();
      Result r = round(op, unitsPerOp);
      Map<String, Long> used = ClusterProcesses.used(before, processes.snapshot());
      cpu = cpu == null ? used : sum(cpu, used);
      ops += r.ops;
      timed.add(r.rate);
      log.printf("  %-34s timed   %2d: %,14.1f %s/s%n", name, i + 1, r.rate, unit);
    }
    return new Measurement(name, unit, warmup, timed, steady, CpuBreakdown.of(cpu, ops));
  }

  private record Result(long ops, double rate) {}

  private Result round(Op op, double unitsPerOp) throws Exception {
    long limit = config.round().toNanos();
    long ops = 0;
    long start = System.nanoTime();
    long elapsed;
    do {
      op.run();
      ops++;
      elapsed = System.nanoTime() - start;
    } while (elapsed < limit);
    return new Result(ops, ops * unitsPerOp / (elapsed / 1e9));
  }

  /** max/min - 1 over the last {@code window} rates. */
  private double spread(List<Double> rates) {
    List<Double> last = rates.subList(Math.max(0, rates.size() - config.window()), rates.size());
    double min = Collections.min(last);
    return min <= 0 ? Double.POSITIVE_INFINITY : Collections.max(last) / min - 1;
  }

  private static Map<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
    var out = new java.util.LinkedHashMap<>(a);
    b.forEach((k, v) -> out.merge(k, v, Long::sum));
    return out;
  }
}
