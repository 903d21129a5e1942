package dev.flotilla.apiserver;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts the ITs' {@link ItSmtpServer} and points {@code flotilla.mail.*} at it, for the test
 * classes that name this resource (the others run without mail). The running server is
 * {@link #server()}.
 */
public class ItMailServer implements QuarkusTestResourceLifecycleManager {
  /** The sender address the api-server configures in the realms. */
  public static final String FROM = "invitations@it.example";

  private static volatile ItSmtpServer server;

  /** The SMTP server of the running test class. */
  public static ItSmtpServer server() {
    return server;
  }

  @Override
  public Map<String, String> start() {
    server = ItSmtpServer.start();
    return Map.of(
        "flotilla.mail.host", "127.0.0.1",
        "flotilla.mail.port", String.valueOf(server.port()),
        "flotilla.mail.from", FROM,
        "flotilla.mail.from-name", "Flotilla IT",
        // Any port matches the ITs' notebook redirect URIs (http://localhost:*).
        "flotilla.platform.notebook-url", "http://localhost:8080/");
  }

  @Override
  public void stop() {
    if (server != null) {
      server.close();
    }
  }
}
