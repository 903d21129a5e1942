package dev.flotilla.runtime.internal.client;

import dev.flotilla.api.ObjectRef;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A ref bound to the connection that made or received it. Serializable by Fory: inside a value
 * only the id travels, and a deserialized ref binds to the ambient connection of the JVM it lands
 * in.
 */
public final class ObjectRefImpl<T> implements ObjectRef<T> {
  private final String id;
  private transient FlotillaImpl owner;
  // Completes when the cluster acknowledged the task or put that creates this object.
  private transient CompletableFuture<Void> created;

  ObjectRefImpl(String id, FlotillaImpl owner, CompletableFuture<Void> created) {
    this.id = Objects.requireNonNull(id);
    this.owner = owner;
    this.created = created;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public T get() {
    return client().getOne(this, null);
  }

  @Override
  public T get(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    return client().getOne(this, timeout);
  }

  /** Waits until the creating call was acknowledged; rethrows its failure. */
  void awaitCreated() {
    CompletableFuture<Void> c = created;
    if (c != null) {
      FlotillaImpl.join(c);
    }
  }

  FlotillaImpl client() {
    owner = Ambient.orAmbient(owner);
    return owner;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ObjectRefImpl<?> other && other.id.equals(id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "ObjectRef(" + id + ")";
  }
}
