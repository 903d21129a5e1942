package dev.flotilla.scheduler.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * An immutable bag of resource amounts keyed by name: {@value #CPU}, {@value #GPU}, {@value
 * #MEMORY_MB} or any custom name. Amounts are doubles so fractional GPUs (0.5, 0.25) work; every
 * comparison tolerates {@link #EPSILON} so that sums of fractions never fail by a rounding error.
 *
 * <p>Amounts are kept to {@value #DECIMALS} decimal places, so sums of fractions compare equal
 * ({@code 0.1 + 0.2} is {@code 0.3}) and releasing everything restores exactly the total. Entries
 * whose magnitude is below {@link #EPSILON} are dropped, so {@code CPU:0} and an absent {@code CPU}
 * are the same value. Amounts may be negative only as the result of {@link #minus} (an
 * over-committed CPU pool, see {@link ClusterState#reacquireCpu}); demands are checked to be
 * non-negative by {@link PlacementRequest}.
 */
public record Resources(Map<String, Double> amounts) {
  public static final String CPU = "CPU";
  public static final String GPU = "GPU";
  public static final String MEMORY_MB = "memory_mb";

  /** Tolerance of every comparison; amounts are treated as equal when closer than this. */
  public static final double EPSILON = 1e-6;

  /** Decimal places every amount is rounded to. */
  public static final int DECIMALS = 9;

  private static final Resources NONE = new Resources(Map.of());

  /**
   * Copies {@code amounts} into an unmodifiable map iterating in name order; rejects blank names,
   * NaN and infinite amounts.
   */
  public Resources {
    Objects.requireNonNull(amounts, "amounts");
    SortedMap<String, Double> sorted = new TreeMap<>();
    amounts.forEach(
        (name, amount) -> {
          if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("resource name must not be blank");
          }
          if (amount == null || amount.isNaN() || amount.isInfinite()) {
            throw new IllegalArgumentException(
                "resource " + name + " has invalid amount " + amount);
          }
          if (Math.abs(amount) >= EPSILON) {
            sorted.put(name, round(amount));
          }
        });
    // sorted for describe(), hashed for get(): planning calls get() per node and resource
    amounts = Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
  }

  public static Resources of(Map<String, Double> amounts) {
    return amounts.isEmpty() ? NONE : new Resources(amounts);
  }

  public static Resources none() {
    return NONE;
  }

  /** Parses the {@link #describe()} form, e.g. {@code "CPU:2, GPU:0.5, memory_mb:512"}. */
  public static Resources parse(String text) {
    Map<String, Double> m = new TreeMap<>();
    for (String part : text.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      int colon = part.lastIndexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("expected name:amount but got '" + part.trim() + "'");
      }
      m.merge(
          part.substring(0, colon).trim(),
          Double.parseDouble(part.substring(colon + 1)),
          Double::sum);
    }
    return of(m);
  }

  /** The amount of {@code name}, 0 when absent. */
  public double get(String name) {
    Double v = amounts.get(name);
    return v == null ? 0 : v;
  }

  public boolean isEmpty() {
    return amounts.isEmpty();
  }

  /** True when every demanded amount is at most what this holds (within {@link #EPSILON}). */
  public boolean fits(Resources demand) {
    for (Map.Entry<String, Double> e : demand.amounts.entrySet()) {
      if (get(e.getKey()) + EPSILON < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  public Resources plus(Resources o) {
    return combine(o, 1);
  }

  public Resources minus(Resources o) {
    return combine(o, -1);
  }

  /** A copy with {@code name} set to {@code amount}. */
  public Resources with(String name, double amount) {
    Map<String, Double> m = new TreeMap<>(amounts);
    m.put(name, amount);
    return new Resources(m);
  }

  /** A copy without {@code name}. */
  public Resources without(String name) {
    if (!amounts.containsKey(name)) {
      return this;
    }
    Map<String, Double> m = new TreeMap<>(amounts);
    m.remove(name);
    return of(m);
  }

  /** Human-readable and parseable, sorted by name: {@code "CPU:2, GPU:1, memory_mb:512"}. */
  public String describe() {
    if (amounts.isEmpty()) {
      return "nothing";
    }
    StringJoiner j = new StringJoiner(", ");
    amounts.forEach((name, amount) -> j.add(name + ":" + format(amount)));
    return j.toString();
  }

  /** Formats an amount without a trailing ".0" and without rounding noise: 2, 0.5, 0.3. */
  public static String format(double amount) {
    return BigDecimal.valueOf(amount)
        .setScale(6, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  private static double round(double amount) {
    if (amount == Math.rint(amount)) {
      return amount;
    }
    return BigDecimal.valueOf(amount).setScale(DECIMALS, RoundingMode.HALF_EVEN).doubleValue();
  }

  @Override
  public String toString() {
    return describe();
  }

  private Resources combine(Resources o, int sign) {
    if (o.amounts.isEmpty()) {
      return this;
    }
    Map<String, Double> m = new TreeMap<>(amounts);
    o.amounts.forEach((name, amount) -> m.merge(name, sign * amount, Double::sum));
    return new Resources(m);
  }
}
