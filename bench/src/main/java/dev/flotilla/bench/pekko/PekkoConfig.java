package dev.flotilla.bench.pekko;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/** The configuration both Pekko JVMs run with: remoting over Artery TCP on loopback, our serializer. */
final class PekkoConfig {
  private PekkoConfig() {}

  /** {@code port} 0 binds any free port. */
  static Config loopback(int port) {
    return ConfigFactory.parseString("""
        pekko.loglevel = WARNING
        pekko.actor.provider = remote
        pekko.actor.serializers.flotilla-bench = "dev.flotilla.bench.pekko.PingPongSerializer"
        pekko.actor.serialization-bindings { "dev.flotilla.bench.pekko.PingPong" = flotilla-bench }
        pekko.remote.artery.transport = tcp
        pekko.remote.artery.canonical.hostname = "127.0.0.1"
        pekko.remote.artery.canonical.port = %d
        """.formatted(port)).withFallback(ConfigFactory.load());
  }
}
