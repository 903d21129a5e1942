package dev.flotilla.runtime.internal.client;

import dev.flotilla.api.ActorCall;
import dev.flotilla.api.ObjectRef;
import dev.flotilla.protocol.common.v1.FunctionDescriptor;
import dev.flotilla.protocol.scheduler.v1.ActorCallSpec;
import dev.flotilla.runtime.internal.serialization.FunctionRefs;
import java.io.Serializable;
import java.util.Objects;

/** One method call on an actor; not thread-safe. */
final class ActorCallImpl<R> implements ActorCall<R> {
  private final FlotillaImpl client;
  private final String actorId;
  private final Serializable method;
  private final Object[] args;

  ActorCallImpl(FlotillaImpl client, String actorId, Serializable method, Object[] args) {
    this.client = client;
    this.actorId = actorId;
    this.method = Objects.requireNonNull(method, "method");
    this.args = args;
  }

  @Override
  public ObjectRef<R> remote() {
    FunctionDescriptor fd = FunctionRefs.describe(method, client.serializer());
    WireArgs wire = WireArgs.encode(client, args);
    var spec = ActorCallSpec.newBuilder()
        .setTaskId(Ids.task())
        .setActorId(actorId)
        .setName(FunctionRefs.displayName(fd))
        .setFunction(fd)
        .addAllArgs(wire.args());
    ObjectRef<R> ref = client.callActor(spec);
    java.lang.ref.Reference.reachabilityFence(wire.keepAlive());
    return ref;
  }
}
