package dev.flotilla.bench.pekko;

import java.io.NotSerializableException;
import java.nio.charset.StandardCharsets;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.SerializerWithStringManifest;

/**
 * Serializes {@link PingPong} for Artery: a {@code Ping} as its reply-to actor's path, a {@code
 * Pong} as its UTF-8 value. As cheap as a serializer can be, so the figures measure Pekko's
 * remoting and ask pattern, not a serialization library. Pekko creates one per actor system.
 */
public final class PingPongSerializer extends SerializerWithStringManifest {
  private static final String PING = "P";
  private static final String PONG = "O";

  private final ActorRefResolver resolver;

  public PingPongSerializer(ExtendedActorSystem system) {
    this.resolver = ActorRefResolver.get(Adapter.toTyped(system));
  }

  @Override
  public int identifier() {
    return 920_417; // any id unique in the actor system; Pekko reserves 0-40
  }

  @Override
  public String manifest(Object o) {
    return switch (o) {
      case PingPong.Ping p -> PING;
      case PingPong.Pong p -> PONG;
      default -> throw new IllegalArgumentException("not a PingPong: " + o.getClass());
    };
  }

  @Override
  public byte[] toBinary(Object o) {
    return switch (o) {
      case PingPong.Ping p -> resolver.toSerializationFormat(p.replyTo()).getBytes(StandardCharsets.UTF_8);
      case PingPong.Pong p -> p.value().getBytes(StandardCharsets.UTF_8);
      default -> throw new IllegalArgumentException("not a PingPong: " + o.getClass());
    };
  }

  @Override
  public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
    String s = new String(bytes, StandardCharsets.UTF_8);
    return switch (manifest) {
      case PING -> new PingPong.Ping(resolver.resolveActorRef(s));
      case PONG -> PingPong.Pong.OK.value().equals(s) ? PingPong.Pong.OK : new PingPong.Pong(s);
      default -> throw new NotSerializableException("unknown manifest " + manifest);
    };
  }
}
