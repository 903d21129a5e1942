package dev.flotilla.runtime.internal.client;

import dev.flotilla.api.ActorCreator;
import dev.flotilla.api.ActorHandle;
import dev.flotilla.api.Bundle;
import dev.flotilla.api.Flotilla;
import dev.flotilla.api.ObjectRef;
import dev.flotilla.api.PlacementGroup;
import dev.flotilla.api.PlacementStrategy;
import dev.flotilla.api.TaskCall;
import dev.flotilla.api.WaitResult;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A connection borrowed from its owner: every call goes to the owner's connection, and {@link
 * #close()} does nothing, so code that closes what it connected (try-with-resources) does not end
 * the owner's session. A REST job's main gets the executor's connection this way. Thread-safe as
 * the owner is.
 */
final class SharedConnection implements Flotilla {
  private final Flotilla owner;

  SharedConnection(Flotilla owner) {
    this.owner = owner;
  }

  @Override
  public <R> TaskCall<R> taskOf(Serializable fn, Object... args) {
    return owner.taskOf(fn, args);
  }

  @Override
  public <A> ActorCreator<A> actorOf(Serializable constructor, Object... args) {
    return owner.actorOf(constructor, args);
  }

  @Override
  public <T> ObjectRef<T> put(T value) {
    return owner.put(value);
  }

  @Override
  public <T> List<T> get(List<ObjectRef<T>> refs) {
    return owner.get(refs);
  }

  @Override
  public <T> List<T> get(List<ObjectRef<T>> refs, Duration timeout) {
    return owner.get(refs, timeout);
  }

  @Override
  public <T> WaitResult<T> wait(List<ObjectRef<T>> refs, int numReturns, Duration timeout) {
    return owner.wait(refs, numReturns, timeout);
  }

  @Override
  public <A> Optional<ActorHandle<A>> getActor(String name, String namespace) {
    return owner.getActor(name, namespace);
  }

  @Override
  public void kill(ActorHandle<?> actor) {
    owner.kill(actor);
  }

  @Override
  public PlacementGroup placementGroup(List<Bundle> bundles, PlacementStrategy strategy) {
    return owner.placementGroup(bundles, strategy);
  }

  @Override
  public void removePlacementGroup(PlacementGroup group) {
    owner.removePlacementGroup(group);
  }

  @Override
  public String jobId() {
    return owner.jobId();
  }

  /** Leaves the owner's connection open. */
  @Override
  public void close() {}
}
