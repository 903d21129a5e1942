package dev.flotilla.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One figure: the rates of its warm-up rounds and of its timed rounds, in {@code unit} per second.
 *
 * @param steady whether the warm-up reached a steady rate before the timed rounds began
 * @param cpuPerOp CPU time per operation in each process during the timed rounds, by role
 */
public record Measurement(
    String name,
    String unit,
    List<Double> warmup,
    List<Double> timed,
    boolean steady,
    CpuBreakdown cpuPerOp) {

  public Measurement {
    warmup = List.copyOf(warmup);
    timed = List.copyOf(timed);
    if (timed.isEmpty()) {
      throw new IllegalArgumentException("a measurement needs at least one timed round");
    }
  }

  public double median() {
    return median(timed);
  }

  public double min() {
    return Collections.min(timed);
  }

  public double max() {
    return Collections.max(timed);
  }

  /** The median of {@code xs}; the mean of the middle two for an even count. */
  static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
