package dev.flotilla.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * CPU time per operation spent in each process role while a figure's timed rounds ran, in
 * microseconds. On a machine with few cores the sum bounds the rate: 2 cores give at most
 * 2,000,000 / sum operations per second, whatever the latency.
 *
 * @param micros role ("driver", "scheduler", "workers", "executors") to µs of CPU per operation
 */
public record CpuBreakdown(Map<String, Double> micros) {
  public CpuBreakdown {
    micros = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(micros));
  }

  static CpuBreakdown of(Map<String, Long> cpuNanos, long ops) {
    Map<String, Double> m = new LinkedHashMap<>();
    cpuNanos.forEach((role, nanos) -> m.put(role, ops == 0 ? 0 : nanos / 1_000.0 / ops));
    return new CpuBreakdown(m);
  }

  public double total() {
    return micros.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** E.g. {@code driver 120, scheduler 80, workers 40, executors 30 (total 270)}. */
  public String format() {
    var j = new StringJoiner(", ");
    micros.forEach((role, us) -> j.add(role + " " + fmt(us)));
    return j + " (total " + fmt(total()) + ")";
  }

  private static String fmt(double us) {
    return us >= 100 ? String.format("%,.0f", us) : String.format("%.1f", us);
  }
}
