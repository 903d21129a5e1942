package dev.flotilla.runtime.internal.client;

import dev.flotilla.api.ObjectRef;
import dev.flotilla.api.TaskCall;
import dev.flotilla.api.TaskOptions;
import dev.flotilla.protocol.common.v1.FunctionDescriptor;
import dev.flotilla.protocol.common.v1.ResourceSet;
import dev.flotilla.protocol.common.v1.TaskArg;
import dev.flotilla.protocol.scheduler.v1.TaskSpec;
import dev.flotilla.runtime.internal.serialization.FunctionRefs;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
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
    List<TaskArg> wireArgs = new ArrayList<>(args.length);
    // Refs kept reachable until the spec is sent, so their objects are not released early.
    List<ObjectRef<?>> keepAlive = new ArrayList<>();
    for (Object a : args) {
      if (a instanceof ObjectRefImpl<?> ref) {
        ref.awaitCreated();
        wireArgs.add(TaskArg.newBuilder().setObjectId(ref.id()).build());
        keepAlive.add(ref);
      } else {
        byte[] bytes = client.serializer().serialize(a);
        if (bytes.length > client.inlineLimit()) {
          ObjectRef<?> big = client.putBytes(bytes);
          keepAlive.add(big);
          wireArgs.add(TaskArg.newBuilder().setObjectId(big.id()).build());
        } else {
          wireArgs.add(TaskArg.newBuilder().setInlineValue(FlotillaImpl.bytes(bytes)).build());
        }
      }
    }
    var spec =
        TaskSpec.newBuilder()
            .setTaskId(Ids.task())
            .setName(options.name().orElse(FunctionRefs.displayName(fd)))
            .setFunction(fd)
            .addAllArgs(wireArgs)
            .setResources(resources(options))
            .setMaxRetries(options.maxRetries())
            .setRetryExceptions(options.retryExceptions());
    options.accelerator().ifPresent(a -> spec.putLabelSelector("gpu.family", a));
    ObjectRef<R> ref = client.submit(spec);
    java.lang.ref.Reference.reachabilityFence(keepAlive);
    return ref;
  }

  static ResourceSet resources(TaskOptions o) {
    var b = ResourceSet.newBuilder();
    if (o.cpus() > 0) {
      b.putAmounts("CPU", o.cpus());
    }
    if (o.gpus() > 0) {
      b.putAmounts("GPU", o.gpus());
    }
    if (o.memoryMb() > 0) {
      b.putAmounts("memory_mb", (double) o.memoryMb());
    }
    o.resources().forEach(b::putAmounts);
    return b.build();
  }
}
