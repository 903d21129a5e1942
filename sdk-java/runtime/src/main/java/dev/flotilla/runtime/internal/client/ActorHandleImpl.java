package dev.flotilla.runtime.internal.client;

import dev.flotilla.api.ActorCall;
import dev.flotilla.api.ActorDiedException;
import dev.flotilla.api.ActorHandle;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A handle: the actor's id (and name). Serializable by Fory inside values and task arguments; a
 * deserialized handle binds to the ambient connection of the JVM it lands in.
 */
public final class ActorHandleImpl<A> implements ActorHandle<A> {
  private final String actorId;
  private final String name;
  private transient FlotillaImpl owner;

  ActorHandleImpl(String actorId, String name, FlotillaImpl owner) {
    this.actorId = Objects.requireNonNull(actorId);
    this.name = name;
    this.owner = owner;
  }

  @Override
  public String actorId() {
    return actorId;
  }

  @Override
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  @Override
  public <R> ActorCall<R> callOf(Serializable method, Object... args) {
    return new ActorCallImpl<>(client(), actorId, method, args == null ? new Object[0] : args.clone());
  }

  @Override
  public void ready(Duration timeout) {
    try {
      client().getOne(new ObjectRefImpl<Object>(actorId, client(), null), timeout);
    } catch (dev.flotilla.api.TaskFailedException e) {
      // The constructor threw: the actor is dead, whatever the class of the exception.
      throw new ActorDiedException("Actor " + actorId + " failed to start: " + e.getMessage());
    }
  }

  FlotillaImpl client() {
    owner = Ambient.orAmbient(owner);
    return owner;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ActorHandleImpl<?> other && other.actorId.equals(actorId);
  }

  @Override
  public int hashCode() {
    return actorId.hashCode();
  }

  @Override
  public String toString() {
    return "ActorHandle(" + (name == null ? actorId : name + "/" + actorId) + ")";
  }
}
