package dev.flotilla.runtime.internal.client;

import dev.flotilla.api.ObjectRef;
import dev.flotilla.api.TaskCall;
import dev.flotilla.api.TaskOptions;
import dev.flotilla.protocol.common.v1.FunctionDescriptor;
import dev.flotilla.protocol.common.v1.ResourceSet;
import dev.flotilla.protocol.scheduler.v1.TaskSpec;
import dev.flotilla.runtime.internal.serialization.FunctionRefs;
import java.io.Serializable;
import java.util.Objects;

/** One task being prepared: serializes the arguments and sends the spec. Not thread-safe. */
final class TaskCallImpl<R> implements TaskCall<R> {
  private final FlotillaImpl client;
  private final Serializable fn;
  private final Object[] args;
  private TaskOptions options = TaskOptions.DEFAULTS;

  TaskCallImpl(FlotillaImpl client, Serializable fn, Object[] args) {
    this.client = client;
    this.fn = Objects.requireNonNull(fn, "function");
    this.args = args;
  }

  @Override
  public TaskCall<R> options(TaskOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    return this;
  }

  @Override
  public ObjectRef<R> remote() {
    FunctionDescriptor fd = FunctionRefs.describe(fn, client.serializer());
    WireArgs wire = WireArgs.encode(client, args);
    var spec =
        TaskSpec.newBuilder()
            .setTaskId(Ids.task())
            .setName(options.name().orElse(FunctionRefs.displayName(fd)))
            .setFunction(fd)
            .addAllArgs(wire.args())
            .setResources(resources(options))
            .setMaxRetries(options.maxRetries())
            .setRetryExceptions(options.retryExceptions());
    options.accelerator().ifPresent(a -> spec.putLabelSelector("gpu.family", a));
    options.placementGroupId().ifPresent(g -> spec.setPlacementGroupId(g).setBundleIndex(options.bundleIndex()));
    ObjectRef<R> ref = client.submit(spec);
    java.lang.ref.Reference.reachabilityFence(wire.keepAlive());
    return ref;
  }

  static ResourceSet resources(TaskOptions o) {
    return resources(o.cpus(), o.gpus(), o.memoryMb(), o.resources());
  }

  static ResourceSet resources(double cpus, double gpus, long memoryMb, java.util.Map<String, Double> custom) {
    var b = ResourceSet.newBuilder();
    if (cpus > 0) {
      b.putAmounts("CPU", cpus);
    }
    if (gpus > 0) {
      b.putAmounts("GPU", gpus);
    }
    if (memoryMb > 0) {
      b.putAmounts("memory_mb", (double) memoryMb);
    }
    custom.forEach(b::putAmounts);
    return b.build();
  }
}
