package dev.flotilla.apiserver.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;

/** The body of {@code GET/PUT .../quota}: hard caps, each null for unlimited. */
public final class QuotaDtos {
  private QuotaDtos() {}

  /** The largest cap accepted; anything above is a typo, not a plan. */
  public static final int MAX_UNITS = 1_000_000;

  /**
   * Concurrent GPUs and CPUs in use, and GPU-hours per calendar month (UTC); null: unlimited.
   * A PUT replaces all three.
   */
  public record Quota(
      @Min(value = 0, message = "must be 0 or more") @Max(value = MAX_UNITS, message = "must be at most 1000000")
      Integer maxGpus,
      @Min(value = 0, message = "must be 0 or more") @Max(value = MAX_UNITS, message = "must be at most 1000000")
      Integer maxCpus,
      @DecimalMin(value = "0", message = "must be 0 or more")
      @DecimalMax(value = "1000000000", message = "must be at most 1000000000")
      @Digits(integer = 10, fraction = 2, message = "at most 2 decimals")
      BigDecimal gpuHoursPerMonth) {}
}
