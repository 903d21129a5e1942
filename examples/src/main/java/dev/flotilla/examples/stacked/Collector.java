package dev.flotilla.examples.stacked;

import java.util.ArrayList;
import java.util.List;

/**
 * Stage 5, the result collector: keeps every frame's result, and when each arrived, until the
 * end of the stream. An actor; not thread-safe.
 */
public final class Collector {
  private final List<FrameResult> frames = new ArrayList<>();
  private final List<Long> arrivalNanos = new ArrayList<>();

  /** Keeps the result; returns the frame's index. */
  public int collect(FrameResult result) {
    frames.add(result);
    arrivalNanos.add(System.nanoTime());
    return result.frameIndex();
  }

  /** The end of the stream: every frame sent before has arrived. Returns how many did. */
  public int finish() {
    return frames.size();
  }

  /** Everything collected so far. */
  public Summary summary() {
    return new Summary(frames, steadyRate());
  }

  public Placement placement() {
    return Placement.here("collector");
  }

  private double steadyRate() {
    int n = arrivalNanos.size();
    if (n < 4) {
      return Double.NaN;
    }
    long span = arrivalNanos.get(n - 1) - arrivalNanos.get(n / 2);
    return (n - 1 - n / 2) * 1e9 / span;
  }
}
