package dev.flotilla.scheduler.core;

import java.util.List;

/**
 * The shape of a task's GPU demand, which decides how it maps onto devices: no GPU, a share of one
 * device (a fraction below 1, which several tasks may pack onto the same device), or a number of
 * whole devices. Any other amount (1.5 GPUs) is rejected by {@link #of}.
 */
public sealed interface GpuDemand {

  /**
   * Parses an amount of {@code GPU}; throws {@link IllegalArgumentException} if it has no shape.
   */
  static GpuDemand of(double gpus) {
    if (gpus < Resources.EPSILON) {
      return new None();
    }
    if (gpus < 1 - Resources.EPSILON) {
      return new Fraction(gpus);
    }
    long whole = Math.round(gpus);
    if (Math.abs(gpus - whole) < Resources.EPSILON) {
      return new Whole((int) whole);
    }
    throw new IllegalArgumentException(
        "GPU demand " + Resources.format(gpus) + " must be a whole number or less than 1");
  }

  /** True when devices whose free shares are {@code freeByDevice} can host this demand. */
  boolean fitsOn(List<Double> freeByDevice);

  /** The task needs no GPU. */
  record None() implements GpuDemand {
    @Override
    public boolean fitsOn(List<Double> freeByDevice) {
      return true;
    }
  }

  /** A share in (0, 1) of exactly one device. */
  record Fraction(double share) implements GpuDemand {
    @Override
    public boolean fitsOn(List<Double> freeByDevice) {
      for (double free : freeByDevice) {
        if (free + Resources.EPSILON >= share) {
          return true;
        }
      }
      return false;
    }
  }

  /** {@code count} devices that nothing else uses. */
  record Whole(int count) implements GpuDemand {
    @Override
    public boolean fitsOn(List<Double> freeByDevice) {
      return fullyFree(freeByDevice) >= count;
    }
  }

  /** How many devices are entirely free. */
  static int fullyFree(List<Double> freeByDevice) {
    int n = 0;
    for (double free : freeByDevice) {
      if (free + Resources.EPSILON >= 1) {
        n++;
      }
    }
    return n;
  }

  /** The largest free share of any single device, 0 when there are none. */
  static double largestShare(List<Double> freeByDevice) {
    double best = 0;
    for (double free : freeByDevice) {
      best = Math.max(best, free);
    }
    return best;
  }
}
