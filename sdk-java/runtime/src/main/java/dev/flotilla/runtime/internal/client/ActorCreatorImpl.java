package dev.flotilla.runtime.internal.client;

import dev.flotilla.api.ActorCreator;
import dev.flotilla.api.ActorHandle;
import dev.flotilla.api.ActorOptions;
import dev.flotilla.api.Lifetime;
import dev.flotilla.protocol.common.v1.FunctionDescriptor;
import dev.flotilla.protocol.scheduler.v1.ActorSpec;
import dev.flotilla.runtime.internal.serialization.FunctionRefs;
import java.io.Serializable;
import java.util.Objects;

/** One actor being prepared: encodes the constructor call and sends the spec. Not thread-safe. */
final class ActorCreatorImpl<A> implements ActorCreator<A> {
  private final FlotillaImpl client;
  private final Serializable constructor;
  private final Object[] args;
  private ActorOptions options = ActorOptions.DEFAULTS;

  ActorCreatorImpl(FlotillaImpl client, Serializable constructor, Object[] args) {
    this.client = client;
    this.constructor = Objects.requireNonNull(constructor, "constructor");
    this.args = args;
  }

  @Override
  public ActorCreator<A> options(ActorOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    return this;
  }

  @Override
  public ActorHandle<A> remote() {
    FunctionDescriptor fd = FunctionRefs.describe(constructor, client.serializer());
    WireArgs wire = WireArgs.encode(client, args);
    String cls = fd.getClassName();
    var spec = ActorSpec.newBuilder()
        .setActorId(Ids.actor())
        .setClassName(cls.substring(cls.lastIndexOf('.') + 1))
        .setConstructor(fd)
        .addAllArgs(wire.args())
        .setResources(TaskCallImpl.resources(options.cpus(), options.gpus(), options.memoryMb(), options.resources()))
        .setMaxRestarts(options.maxRestarts())
        .setMaxTaskRetries(options.maxTaskRetries())
        .setMaxConcurrency(options.maxConcurrency())
        .setNamespace(options.namespace())
        .setDetached(options.lifetime() == Lifetime.DETACHED);
    options.name().ifPresent(spec::setName);
    options.accelerator().ifPresent(a -> spec.putLabelSelector("gpu.family", a));
    options.placementGroupId().ifPresent(g -> spec.setPlacementGroupId(g).setBundleIndex(options.bundleIndex()));
    ActorHandle<A> handle = client.createActor(spec);
    java.lang.ref.Reference.reachabilityFence(wire.keepAlive());
    return handle;
  }
}
