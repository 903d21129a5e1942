package dev.flotilla.worker.agent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Finds a free TCP port (the worker must know its port before it registers). */
final class FreePort {
  private FreePort() {}

  static int find(String host) throws IOException {
    try (var s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(host, 0));
      return s.getLocalPort();
    }
  }
}
