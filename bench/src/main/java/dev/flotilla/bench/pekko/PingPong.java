package dev.flotilla.bench.pekko;

import org.apache.pekko.actor.typed.ActorRef;

/** The two messages of the Pekko peer, serialized by {@link PingPongSerializer}. */
public sealed interface PingPong {
  /** An ask: the server answers {@code replyTo} with {@link Pong#OK}. */
  record Ping(ActorRef<Pong> replyTo) implements PingPong {}

  /** The answer, two bytes like Ray's {@code small_value}'s {@code b"ok"}. */
  record Pong(String value) implements PingPong {
    public static final Pong OK = new Pong("ok");
  }
}
