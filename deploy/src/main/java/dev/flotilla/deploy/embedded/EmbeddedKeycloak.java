package dev.flotilla.deploy.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Keycloak server on loopback, for a single machine and for tests. The distribution is
 * unpacked and built once under {@code <cache>/keycloak/26.7.3} (cache: {@code FLOTILLA_HOME},
 * else {@code ~/.flotilla}); every start then uses {@code --optimized}. Its H2 database lives in
 * that directory too, so realms survive restarts and the bootstrap admin's password, generated
 * on the first start, is kept beside it in {@code admin-password} (mode 0600). One server per
 * cache directory runs at a time.
 *
 * <p>Keycloak runs on the caller's own JDK ({@code java.home}); the issuer is pinned to
 * {@code http://127.0.0.1:PORT}. The server is stopped by {@link #close()} or, failing that, by
 * a shutdown hook of the calling JVM. Not thread-safe.
 */
public final class EmbeddedKeycloak implements AutoCloseable {
  public static final String ADMIN_USER = "admin";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  private final Process process;
  private final int port;
  private final String adminPassword;
  private final Path log;
  private final Thread hook;

  private EmbeddedKeycloak(Process process, int port, String adminPassword, Path log) {
    this.process = process;
    this.port = port;
    this.adminPassword = adminPassword;
    this.log = log;
    this.hook = new Thread(this::stopProcess, "keycloak-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** {@code FLOTILLA_HOME}, else {@code ~/.flotilla}. */
  public static Path defaultCache() {
    String home = System.getenv("FLOTILLA_HOME");
    return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".flotilla");
  }

  /** {@link #start(Path)} in {@link #defaultCache()}. */
  public static EmbeddedKeycloak start() {
    return start(defaultCache());
  }

  /**
   * Installs (once) and starts Keycloak on a free loopback port; blocks until its master realm
   * answers, at most four minutes.
   *
   * @throws IllegalStateException with the server's log tail when it does not come up
   */
  public static EmbeddedKeycloak start(Path cache) {
    Path javaHome = Path.of(System.getProperty("java.home"));
    Path home = EmbeddedKeycloakDistribution.install(cache.toAbsolutePath(), javaHome);
    try {
      String password = adminPassword(home);
      int port = freePort();
      Path log = home.resolve("data/log/flotilla-keycloak.log");
      Files.createDirectories(log.getParent());
      ProcessBuilder pb = new ProcessBuilder(List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
              "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port,
              "--hostname=http://127.0.0.1:" + port, "--http-management-port=" + freePort()))
          .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
      pb.environment().put("JAVA_HOME", javaHome.toString());
      pb.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
      pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
      pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", password);
      EmbeddedKeycloak kc = new EmbeddedKeycloak(pb.start(), port, password, log);
      kc.awaitReady();
      return kc;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Keycloak from " + home, e);
    }
  }

  /** Base URL, e.g. {@code http://127.0.0.1:41234}; realms are under {@code /realms/NAME}. */
  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** The master realm's bootstrap administrator ({@value #ADMIN_USER}). */
  public String adminUser() {
    return ADMIN_USER;
  }

  public String adminPassword() {
    return adminPassword;
  }

  /** {@code kc.sh}, the shell wrapper; the server's JVM is its child (see {@link #processes()}). */
  public ProcessHandle handle() {
    return process.toHandle();
  }

  /** The wrapper then its descendants (the server's JVM), as they are now. */
  public List<ProcessHandle> processes() {
    List<ProcessHandle> all = new java.util.ArrayList<>();
    all.add(process.toHandle());
    process.descendants().forEach(all::add);
    return all;
  }

  /**
   * Leaves the server running after this JVM exits (for {@code flotilla up}): the shutdown hook is
   * removed, and whoever holds {@link #processes()} stops it later with SIGTERM.
   */
  public void detach() {
    removeHook();
  }

  /** Stops the server; blocks until it exited (at most ~40 s). */
  @Override
  public void close() {
    stopProcess();
    removeHook();
  }

  private void removeHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run: nothing left to remove
    }
  }

  private void stopProcess() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitReady() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI probe = URI.create(url() + "/realms/master/.well-known/openid-configuration");
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    String last = "no answer yet";
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Keycloak exited (" + process.exitValue() + ") before its master realm "
            + "answered at " + probe + "; log " + log + ":\n" + tail());
      }
      try {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
        last = "HTTP " + r.statusCode();
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new IllegalStateException("interrupted while waiting for Keycloak", e);
      }
      try {
        process.waitFor(250, TimeUnit.MILLISECONDS); // poll interval; returns early if it dies
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    close();
    throw new IllegalStateException("Keycloak's master realm did not answer 200 at " + probe + " within "
        + START_TIMEOUT + " (last: " + last + "); log " + log + ":\n" + tail());
  }

  private static String adminPassword(Path home) throws IOException {
    Path file = home.resolve("admin-password");
    if (Files.isRegularFile(file)) {
      return Files.readString(file).trim();
    }
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    String password = HexFormat.of().formatHex(random);
    Files.writeString(file, password + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return password;
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log at " + log + ")";
    }
  }
}
