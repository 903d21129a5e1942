package dev.flotilla.scheduler.core.placementgroup;

import dev.flotilla.scheduler.core.Resources;
import java.util.Objects;

/**
 * The resources of one reserved bundle, lent to the tasks and actors scheduled into it, so that
 * together they never exceed the bundle: a bundle is a small node. Tracks amounts only; which of
 * the bundle's GPU devices a task uses is the caller's choice. Not thread-safe: call it under the
 * lock that guards the group.
 */
public final class BundleLedger {
  private final Resources total;
  private Resources available;

  /** A ledger with all of {@code bundle} free; {@code bundle} must be a valid bundle demand. */
  public BundleLedger(Resources bundle) {
    PlacementGroupRequest.checkBundle("bundle", bundle);
    this.total = bundle;
    this.available = bundle;
  }

  public Resources total() {
    return total;
  }

  public Resources available() {
    return available;
  }

  /** True when nothing is lent out. */
  public boolean isIdle() {
    return available.fits(total);
  }

  /**
   * Lends {@code demand} when all of it is free; false (and no change) otherwise, e.g. for a
   * resource the bundle does not have.
   *
   * @throws IllegalArgumentException when an amount is negative
   */
  public boolean reserve(Resources demand) {
    checkNonNegative(demand);
    if (!available.fits(demand)) {
      return false;
    }
    available = available.minus(demand);
    return true;
  }

  /**
   * Takes back {@code demand}, lent by an earlier {@link #reserve}.
   *
   * @throws IllegalStateException when that would make more free than the bundle holds, i.e. it was
   *     not lent; nothing changes then
   */
  public void release(Resources demand) {
    checkNonNegative(demand);
    Resources back = available.plus(demand);
    if (!total.fits(back)) {
      throw new IllegalStateException(
          "releasing "
              + demand.describe()
              + " would free "
              + back.describe()
              + ", more than the bundle's "
              + total.describe());
    }
    available = back;
  }

  private static void checkNonNegative(Resources demand) {
    Objects.requireNonNull(demand, "demand");
    demand
        .amounts()
        .forEach(
            (name, amount) -> {
              if (amount < 0) {
                throw new IllegalArgumentException("negative amount of " + name);
              }
            });
  }
}
