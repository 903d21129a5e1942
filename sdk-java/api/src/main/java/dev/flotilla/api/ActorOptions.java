package dev.flotilla.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How an actor runs: resources held for its whole life, restarts, concurrency, name and lifetime.
 *
 * <p>Defaults: 1 CPU, no GPU, no restarts, no call retries, one call at a time, unnamed, dies with
 * its job. Build with {@link #builder()}; {@link Builder#build()} rejects impossible values.
 */
public record ActorOptions(
    double cpus,
    double gpus,
    long memoryMb,
    Map<String, Double> resources,
    int maxRestarts,
    int maxTaskRetries,
    int maxConcurrency,
    Optional<String> name,
    String namespace,
    Lifetime lifetime,
    Optional<String> accelerator,
    Optional<String> placementGroupId,
    int bundleIndex) {

  /** Restart or retry forever. */
  public static final int UNLIMITED = -1;

  public static final String DEFAULT_NAMESPACE = "default";

  public static final ActorOptions DEFAULTS = builder().build();

  public ActorOptions {
    resources = Map.copyOf(resources);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ActorOptions}; not thread-safe. */
  public static final class Builder {
    private double cpus = 1;
    private double gpus;
    private long memoryMb;
    private final Map<String, Double> resources = new LinkedHashMap<>();
    private int maxRestarts;
    private int maxTaskRetries;
    private int maxConcurrency = 1;
    private String name;
    private String namespace = DEFAULT_NAMESPACE;
    private Lifetime lifetime = Lifetime.NON_DETACHED;
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

    public Builder resource(String name, double amount) {
      resources.put(name, amount);
      return this;
    }

    /** Times the constructor is re-run in a new executor after the actor's executor dies. */
    public Builder maxRestarts(int maxRestarts) {
      this.maxRestarts = maxRestarts;
      return this;
    }

    /** Times a call in flight when the actor died is retried on its restarted instance. */
    public Builder maxTaskRetries(int maxTaskRetries) {
      this.maxTaskRetries = maxTaskRetries;
      return this;
    }

    /** Calls that may run at once (on virtual threads); 1 runs them in order. */
    public Builder maxConcurrency(int maxConcurrency) {
      this.maxConcurrency = maxConcurrency;
      return this;
    }

    /** A name unique in its namespace, for {@link Flotilla#getActor}. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder namespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    public Builder lifetime(Lifetime lifetime) {
      this.lifetime = lifetime;
      return this;
    }

    /** Requires a GPU of this family, e.g. {@code "H100"}. */
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
    public ActorOptions build() {
      ReservedResources.check(cpus, gpus, memoryMb, resources, name, accelerator);
      ReservedResources.require(maxRestarts >= UNLIMITED, "maxRestarts must be >= -1, got " + maxRestarts);
      ReservedResources.require(maxTaskRetries >= UNLIMITED, "maxTaskRetries must be >= -1, got " + maxTaskRetries);
      ReservedResources.require(maxConcurrency >= 1, "maxConcurrency must be >= 1, got " + maxConcurrency);
      ReservedResources.require(namespace != null && !namespace.isBlank(), "namespace must not be blank");
      ReservedResources.require(lifetime != null, "lifetime must not be null");
      return new ActorOptions(cpus, gpus, memoryMb, resources, maxRestarts, maxTaskRetries,
          maxConcurrency, Optional.ofNullable(name), namespace, lifetime, Optional.ofNullable(accelerator),
          Optional.ofNullable(placementGroupId),
          bundleIndex);
    }
  }
}
