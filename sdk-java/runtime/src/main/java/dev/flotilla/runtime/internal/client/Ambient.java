package dev.flotilla.runtime.internal.client;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The connection a deserialized {@link ObjectRefImpl} binds to: inside an executor, the job's
 * connection; in a driver, the most recently opened connection still open.
 */
public final class Ambient {
  private static final AtomicReference<FlotillaImpl> LATEST = new AtomicReference<>();

  private Ambient() {}

  static void opened(FlotillaImpl client) {
    LATEST.set(client);
  }

  static void closed(FlotillaImpl client) {
    LATEST.compareAndSet(client, null);
  }

  /** {@code owner} while it is open, else the ambient connection. */
  static FlotillaImpl orAmbient(FlotillaImpl owner) {
    return owner == null || owner.isClosed() ? require() : owner;
  }

  static FlotillaImpl require() {
    FlotillaImpl c = LATEST.get();
    if (c == null || c.isClosed()) {
      throw new IllegalStateException(
          "This ObjectRef is not attached to an open Flotilla connection; call Flotilla.connect()");
    }
    return c;
  }
}
