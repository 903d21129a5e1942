package dev.flotilla.deploy.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Launches the api-server ({@code java -jar …/quarkus-app/quarkus-run.jar}) as its own process,
 * configured only through its environment (so no secret shows in the process list), and waits
 * until it reports ready. The jar is the api-server module's build output: the launcher depends
 * on it as a file, not as a Maven dependency.
 */
final class ApiServerProcess {
  private ApiServerProcess() {}

  /** The api-server's settings, as the environment variables it reads. */
  record Config(String host, int port, PlatformSettings.Database db, PlatformSettings.Keycloak keycloak,
      String realm, String platformAdminEmail, String platformAdminPassword, Edge edge, Map<String, String> mail) {
    Map<String, String> environment() {
      var env = new java.util.HashMap<>(mail);
      env.putAll(Map.ofEntries(
          Map.entry("FLOTILLA_API_PORT", String.valueOf(port)),
          Map.entry("QUARKUS_HTTP_HOST", host),
          Map.entry("QUARKUS_DATASOURCE_REACTIVE_URL", db.reactiveUrl("apiserver")),
          Map.entry("QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl("apiserver")),
          Map.entry("QUARKUS_DATASOURCE_USERNAME", db.user()),
          Map.entry("QUARKUS_DATASOURCE_PASSWORD", db.password()),
          Map.entry("FLOTILLA_KEYCLOAK_URL", keycloak.url()),
          Map.entry("FLOTILLA_KEYCLOAK_ADMIN_USER", keycloak.adminUser()),
          Map.entry("FLOTILLA_KEYCLOAK_ADMIN_PASSWORD", keycloak.adminPassword()),
          Map.entry("FLOTILLA_PLATFORM_REALM", realm),
          Map.entry("FLOTILLA_PLATFORM_NOTEBOOK_REDIRECT_URIS",
              "http://127.0.0.1:" + port + "/*,http://localhost:" + port + "/*"),
          Map.entry("FLOTILLA_PLATFORM_BOOTSTRAP_ADMIN_EMAIL", platformAdminEmail),
          Map.entry("FLOTILLA_PLATFORM_BOOTSTRAP_ADMIN_PASSWORD", platformAdminPassword),
          Map.entry("FLOTILLA_EDGE_SCHEDULER_ADDRESS", edge.schedulerAddress()),
          Map.entry("FLOTILLA_EDGE_SECRET", edge.secret()),
          Map.entry("FLOTILLA_EDGE_GRPC_HOST", host),
          Map.entry("FLOTILLA_EDGE_GRPC_PORT", String.valueOf(edge.port())),
          // Invitation e-mails lead back to the notebook UI this server serves.
          Map.entry("FLOTILLA_PLATFORM_NOTEBOOK_URL", "http://127.0.0.1:" + port + "/")));
      return env;
    }

    @Override
    public String toString() {
      return "ApiServerProcess.Config[" + host + ":" + port + ", " + db + ", " + keycloak + ", realm " + realm
          + ", mail " + mail.keySet() + "]"; // never a password
    }
  }

  /** The SDK edge: the scheduler it forwards to, the secret the scheduler knows it by, its own port. */
  record Edge(String schedulerAddress, String secret, int port) {
    @Override
    public String toString() {
      return "Edge[" + schedulerAddress + ", port " + port + "]"; // never the secret
    }
  }

  /** Fails, saying how to build it, when there is no api-server build at {@code jar}. */
  static void checkBuilt(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("the api-server is not built: no " + jar + ". `./flotilla up` builds it; by hand: "
          + "./mvnw -B -DskipTests install -pl api-server -am (or point FLOTILLA_API_SERVER_JAR at a quarkus-run.jar)");
    }
  }

  /** Starts it with its output in {@code log}; does not wait. */
  static Process start(Path jar, Config config, Path log) {
    checkBuilt(jar);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var pb = new ProcessBuilder(List.of(java, "--sun-misc-unsafe-memory-access=allow", "-jar", jar.toString()))
        .directory(jar.getParent().toFile()).redirectErrorStream(true);
    try {
      Files.createDirectories(log.getParent());
      pb.redirectOutput(log.toFile());
      pb.environment().putAll(config.environment());
      return pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the api-server from " + jar, e);
    }
  }

  /** Blocks until {@code /q/health/ready} answers 200 (PostgreSQL migrated, Keycloak realm bootstrapped). */
  static void awaitReady(Http http, String url, ProcessHandle process, Path log, Duration timeout) {
    Await.until("the api-server to answer 200 at " + url + "/q/health/ready", timeout, "api-server", process, log,
        () -> http.send("GET", url + "/q/health/ready", null, null).status() == 200);
  }
}
