package dev.flotilla.bench.pekko;

import java.io.IOException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The server JVM of the Pekko peer: an actor system whose guardian ({@code /user}) answers every
 * {@link PingPong.Ping} with {@link PingPong.Pong#OK}. Prints {@code READY <address>} on stdout
 * once bound and exits when its stdin closes (its client died or is done).
 */
public final class PekkoServer {
  static final String SYSTEM = "flotilla-pekko-server";
  static final String READY = "READY ";

  private PekkoServer() {}

  static Behavior<PingPong> pong() {
    return Behaviors.receive(PingPong.class)
        .onMessage(PingPong.Ping.class, ping -> {
          ping.replyTo().tell(PingPong.Pong.OK);
          return Behaviors.same();
        })
        .build();
  }

  public static void main(String[] args) throws IOException {
    ActorSystem<PingPong> system = ActorSystem.create(pong(), SYSTEM, PekkoConfig.loopback(0));
    System.out.println(READY + system.address());
    System.out.flush();
    while (System.in.read() >= 0) {
      // wait for the client to close our stdin
    }
    system.terminate();
  }
}
