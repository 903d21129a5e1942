package dev.flotilla.scheduler.core.plugins.locality;

import dev.flotilla.scheduler.core.CycleState;
import dev.flotilla.scheduler.core.NodeView;
import dev.flotilla.scheduler.core.PlacementRequest;
import dev.flotilla.scheduler.core.ScorePlugin;
import dev.flotilla.scheduler.core.plugins.PluginArgs;
import java.util.Map;
import java.util.Set;

/**
 * Prefers the node that already stores most of the task's argument bytes: the score is the share of
 * those bytes on the node, 0..100. Below {@code minBytes} (default 100 KiB, the size under which
 * objects travel inline with the task) locality is ignored and every node scores 0.
 */
public final class Locality implements ScorePlugin {
  public static final String NAME = "Locality";
  public static final String MIN_BYTES = "minBytes";
  public static final long DEFAULT_MIN_BYTES = 100 * 1024;
  private static final CycleState.Key<Double> TOTAL =
      new CycleState.Key<>(NAME + ".totalBytes", Double.class);
  private final long minBytes;

  public Locality(long minBytes) {
    if (minBytes < 0) {
      throw new IllegalArgumentException(NAME + " " + MIN_BYTES + " must not be negative");
    }
    this.minBytes = minBytes;
  }

  public Locality() {
    this(DEFAULT_MIN_BYTES);
  }

  public static Locality fromArgs(Map<String, String> args) {
    return new Locality(
        PluginArgs.of(NAME, args, Set.of(MIN_BYTES)).longArg(MIN_BYTES, DEFAULT_MIN_BYTES));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int score(CycleState state, PlacementRequest request, NodeView node) {
    Map<String, Long> bytes = request.argBytesByNode();
    if (bytes.isEmpty()) {
      return MIN_SCORE;
    }
    double total = state.computeIfAbsent(TOTAL, () -> sum(bytes));
    if (total == 0 || total < minBytes) {
      return MIN_SCORE;
    }
    long here = bytes.getOrDefault(node.nodeId(), 0L);
    return (int) Math.round(MAX_SCORE * (here / total));
  }

  /** As a double: sums of many large objects must not overflow. */
  private static double sum(Map<String, Long> bytes) {
    double total = 0;
    for (long b : bytes.values()) {
      total += b;
    }
    return total;
  }
}
