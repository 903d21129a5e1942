package dev.flotilla.deploy.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server on loopback, for a single machine and for tests. Its base directory
 * holds {@code data/} (the cluster, owned by the server's user), {@code password} (the
 * {@code flotilla} superuser's, mode 0600) and {@code logs/postgres.log}. The first start runs
 * {@code initdb}; later starts reuse the data, and a server of that directory that is still
 * running (a launcher that died, say) is reused as it is.
 *
 * <p>The server is a daemon: it outlives this object until {@link #close()} (or {@code stop}).
 * Connections need the password (scram-sha-256); only 127.0.0.1 listens, no Unix socket.
 */
public final class EmbeddedPostgres implements AutoCloseable {
  public static final String USER = "flotilla";
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private final Path bin;
  private final Path base;
  private final ServerUser user;
  private final String password;
  private final int port;

  private EmbeddedPostgres(Path bin, Path base, ServerUser user, String password, int port) {
    this.bin = bin;
    this.base = base;
    this.user = user;
    this.password = password;
    this.port = port;
  }

  /** {@link #start(Path, Path)} with the binaries cached in {@link #defaultCache()}. */
  public static EmbeddedPostgres start(Path baseDir) {
    return start(baseDir, defaultCache());
  }

  /**
   * Starts (or reuses) the server of {@code baseDir} on a free loopback port, unpacking the
   * binaries into {@code cache} on first use. Blocks until the server accepts connections.
   *
   * @throws IllegalStateException with the server's log tail when it does not start
   */
  public static EmbeddedPostgres start(Path baseDir, Path cache) {
    ServerUser user = ServerUser.forPostgres();
    Path base = baseDir.toAbsolutePath();
    user.checkReachable(base.resolve("data"));
    user.checkReachable(cache.resolve("postgres-bin"));
    Path bin = PostgresBinaries.install(cache).resolve("bin");
    try {
      Files.createDirectories(base);
      if (user.isOther()) {
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwx--x--x"));
      }
      String password = initOnce(bin, base, user);
      Optional<Integer> running = runningPort(bin, base, user);
      int port = running.orElseGet(EmbeddedPostgres::freePort);
      EmbeddedPostgres pg = new EmbeddedPostgres(bin, base, user, password, port);
      if (running.isEmpty()) {
        pg.pgCtlStart();
      }
      return pg;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start PostgreSQL in " + base, e);
    }
  }

  /** {@code FLOTILLA_HOME}, else {@code /var/lib/flotilla} for root, else {@code ~/.flotilla}. */
  public static Path defaultCache() {
    String home = System.getenv("FLOTILLA_HOME");
    if (home != null && !home.isBlank()) {
      return Path.of(home);
    }
    return ServerUser.isRoot() ? Path.of("/var/lib/flotilla") : Path.of(System.getProperty("user.home"), ".flotilla");
  }

  public int port() {
    return port;
  }

  public String user() {
    return USER;
  }

  public String password() {
    return password;
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + checkName(database);
  }

  /** The URL form Vert.x's reactive client and Quarkus' {@code quarkus.datasource.reactive.url} take. */
  public String reactiveUrl(String database) {
    return "postgresql://127.0.0.1:" + port + "/" + checkName(database);
  }

  /** Creates {@code name} unless it exists. Blocks. */
  public void createDatabase(String name) {
    checkName(name);
    try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, password);
        PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, name);
      if (!exists.executeQuery().next()) {
        try (var create = c.createStatement()) {
          create.execute("CREATE DATABASE " + name);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
    }
  }

  /** Stops the server (fast shutdown: open transactions roll back). Blocks until it is down. */
  @Override
  public void close() {
    stop("fast");
  }

  /** The postmaster's process, while it runs (from {@code postmaster.pid}). */
  public Optional<ProcessHandle> postmaster() {
    return postmaster(base);
  }

  /**
   * Stops the server of {@code baseDir} if one runs (fast shutdown), without starting anything;
   * for a launcher other than the one that started it. Blocks until it is down.
   *
   * @return whether a server was running
   */
  public static boolean stopRunning(Path baseDir, Path cache) {
    Path base = baseDir.toAbsolutePath();
    if (postmaster(base).isEmpty()) {
      return false;
    }
    ServerUser user = ServerUser.forPostgres();
    Path bin = PostgresBinaries.install(cache).resolve("bin");
    new EmbeddedPostgres(bin, base, user, "", 0).stop("fast");
    return true;
  }

  private static Optional<ProcessHandle> postmaster(Path base) {
    try {
      List<String> lines = Files.readAllLines(data(base).resolve("postmaster.pid"));
      return lines.isEmpty() ? Optional.empty()
          : ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Immediate shutdown, like a crash (no checkpoint): for recovery tests. */
  public void crash() {
    stop("immediate");
  }

  private void stop(String mode) {
    String out = run(user, base, List.of(bin.resolve("pg_ctl").toString(), "-D", data(base).toString(), "-m", mode, "-w", "stop"));
    if (!out.startsWith("ok") && !out.contains("PID file") && !out.contains("Is server running")) {
      throw new IllegalStateException("PostgreSQL in " + base + " did not stop: " + out);
    }
  }

  private void pgCtlStart() {
    Path log = base.resolve("logs");
    user.own(log);
    String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''";
    String out = run(user, base, List.of(bin.resolve("pg_ctl").toString(), "-D", data(base).toString(), "-l",
        log.resolve("postgres.log").toString(), "-o", options, "-w", "-t", "90", "start"));
    if (!out.startsWith("ok")) {
      throw new IllegalStateException("PostgreSQL did not start on port " + port + ": " + out
          + "\n" + tail(log.resolve("postgres.log")));
    }
  }

  private static String initOnce(Path bin, Path base, ServerUser user) throws IOException {
    Path passwordFile = base.resolve("password");
    Path data = data(base);
    if (Files.isRegularFile(data.resolve("PG_VERSION")) && Files.isRegularFile(passwordFile)) {
      return Files.readString(passwordFile).trim();
    }
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    String password = HexFormat.of().formatHex(random);
    Path scratch = base.resolve("init");
    user.own(scratch);
    Path pwfile = scratch.resolve("pwfile");
    Files.writeString(pwfile, password + "\n");
    if (user.isOther()) {
      Files.setOwner(pwfile, Files.getOwner(scratch));
    }
    user.own(data);
    String out = run(user, base, List.of(bin.resolve("initdb").toString(),
        "-D", data.toString(), "-U", USER, "--pwfile=" + pwfile, "--auth=scram-sha-256", "-E", "UTF8",
        "--locale=C", "--no-instructions"));
    Files.deleteIfExists(pwfile);
    Files.deleteIfExists(scratch);
    if (!Files.isRegularFile(data.resolve("PG_VERSION"))) {
      throw new IllegalStateException("initdb failed in " + data + ": " + out);
    }
    Files.writeString(passwordFile, password + "\n");
    Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
    return password;
  }

  /** The port of a server already running on this data directory, from its postmaster.pid. */
  private static Optional<Integer> runningPort(Path bin, Path base, ServerUser user) throws IOException {
    Path pid = data(base).resolve("postmaster.pid");
    if (!Files.exists(pid)) {
      return Optional.empty();
    }
    String status = run(user, base, List.of(bin.resolve("pg_ctl").toString(), "-D", data(base).toString(), "status"));
    if (!status.contains("server is running")) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pid);
    return lines.size() > 3 ? Optional.of(Integer.parseInt(lines.get(3).trim())) : Optional.empty();
  }

  private static Path data(Path base) {
    return base.resolve("data");
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  private static String checkName(String database) {
    if (!DATABASE_NAME.matcher(database).matches()) {
      throw new IllegalArgumentException("database name must match " + DATABASE_NAME + ": " + database);
    }
    return database;
  }

  /** Runs a PostgreSQL tool as the server's user; returns "ok\n" + output, or "failed (rc)\n" + output. */
  private static String run(ServerUser user, Path base, List<String> command) {
    try {
      List<String> full = new ArrayList<>(user.command(command));
      Process p = new ProcessBuilder(full).directory(base.toFile()).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "failed (timeout)\n" + out;
      }
      return (p.exitValue() == 0 ? "ok\n" : "failed (" + p.exitValue() + ")\n") + out;
    } catch (IOException e) {
      return "failed (" + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "failed (interrupted)";
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log at " + log + ")";
    }
  }
}
