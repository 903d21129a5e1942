package dev.flotilla.api;

/**
 * An actor about to be created: set options, then {@link #remote()}. Not thread-safe.
 *
 * @param <A> the actor's class
 */
public interface ActorCreator<A> {

  ActorCreator<A> options(ActorOptions options);

  /**
   * Asks the cluster to create the actor; returns at once. The constructor runs when resources
   * allow; calls sent before then wait for it.
   *
   * @throws FlotillaException if the name is already taken in its namespace
   */
  ActorHandle<A> remote();
}
