package dev.flotilla.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a task runs: the resources it needs, how it is retried and its name.
 *
 * <p>Defaults: 1 CPU, no GPU, no memory reservation, 3 retries on executor or node death,
 * application exceptions not retried. Build with {@link #builder()}; {@link Builder#build()}
 * rejects impossible values.
 */
public record TaskOptions(
    double cpus,
    double gpus,
    long memoryMb,
    Map<String, Double> resources,
    int maxRetries,
    boolean retryExceptions,
    Optional<String> name,
    Optional<String> accelerator,
    Optional<String> placementGroupId,
    int bundleIndex) {

  /** Retry forever. */
  public static final int UNLIMITED_RETRIES = -1;

  public static final TaskOptions DEFAULTS = builder().build();

  public TaskOptions {
    resources = Map.copyOf(resources);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link TaskOptions}; not thread-safe. */
  public static final class Builder {
    private double cpus = 1;
    private double gpus = 0;
    private long memoryMb = 0;
    private final Map<String, Double> resources = new LinkedHashMap<>();
    private int maxRetries = 3;
    private boolean retryExceptions = false;
    private String name;
    private String accelerator;
    private String placementGroupId;
    private int bundleIndex = -1;

    private Builder() {}

    public Builder cpus(double cpus) {
      this.cpus = cpus;
      return this;
    }

    /** Whole GPUs, or a fraction below 1 that shares one device. */
    public Builder gpus(double gpus) {
      this.gpus = gpus;
      return this;
    }

    public Builder memoryMb(long memoryMb) {
      this.memoryMb = memoryMb;
      return this;
    }

    /** A custom resource a node advertises, e.g. {@code resource("tpu-slice", 1)}. */
    public Builder resource(String name, double amount) {
      resources.put(name, amount);
      return this;
    }

    /** Retries after executor or node death; {@link #UNLIMITED_RETRIES} for no limit. */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
      return this;
    }

    /** Whether an exception thrown by the task is retried too (within maxRetries). */
    public Builder retryExceptions(boolean retryExceptions) {
      this.retryExceptions = retryExceptions;
      return this;
    }

    /** A name shown in errors, logs and {@code flotilla cluster status}. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** Requires a GPU of this family or model, e.g. {@code "H100"}. */
    public Builder accelerator(String accelerator) {
      this.accelerator = accelerator;
      return this;
    }

    /**
     * Runs in bundle {@code bundleIndex} of {@code group} (its node and its reserved resources);
     * -1 means any bundle of the group.
     */
    public Builder placementGroup(PlacementGroup group, int bundleIndex) {
      if (group == null) {
        throw new IllegalArgumentException("placement group must not be null");
      }
      if (bundleIndex < -1 || bundleIndex >= group.bundles().size()) {
        throw new IllegalArgumentException("bundle index must be -1.." + (group.bundles().size() - 1) + ", got " + bundleIndex);
      }
      this.placementGroupId = group.id();
      this.bundleIndex = bundleIndex;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the first invalid option
     */
    public TaskOptions build() {
      ReservedResources.check(cpus, gpus, memoryMb, resources, name, accelerator);
      ReservedResources.require(maxRetries >= UNLIMITED_RETRIES, "maxRetries must be >= -1, got " + maxRetries);
      return new TaskOptions(
          cpus,
          gpus,
          memoryMb,
          resources,
          maxRetries,
          retryExceptions,
          Optional.ofNullable(name),
          Optional.ofNullable(accelerator),
          Optional.ofNullable(placementGroupId),
          bundleIndex);
    }
  }
}
