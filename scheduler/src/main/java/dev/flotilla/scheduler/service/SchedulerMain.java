package dev.flotilla.scheduler.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;

/**
 * Starts a scheduler. Options (each also an environment variable): {@code --port}
 * (FLOTILLA_SCHEDULER_PORT, 0 = any free), {@code --host}, {@code --data-dir}, {@code
 * --heartbeat-ms}, {@code --node-timeout-ms}, {@code --address-file} (where to write the
 * flotilla:// address once listening), {@code --db-url} (FLOTILLA_SCHEDULER_DB_URL, a
 * {@code jdbc:postgresql:} URL: jobs, sessions, actors and placement groups survive a restart),
 * {@code --db-user} (FLOTILLA_SCHEDULER_DB_USER), FLOTILLA_SCHEDULER_DB_PASSWORD (environment
 * only, so it stays off the process list), {@code --recovery-window-ms} (how long nodes and
 * clients have to come back after a restart, default 30000), FLOTILLA_EDGE_SECRET (environment
 * only: the secret the api-server presents; set, tenants reach this scheduler only through it).
 */
public final class SchedulerMain {
  private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(SchedulerMain.class.getName());

  private SchedulerMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Map<String, String> opts = Options.parse(args);
    Path dataDir = Path.of(opts.getOrDefault("data-dir", System.getProperty("user.home") + "/.flotilla/scheduler"));
    String dbUrl = opts.getOrDefault("db-url", env("FLOTILLA_SCHEDULER_DB_URL", ""));
    SchedulerConfig.Database db = dbUrl.isBlank() ? null : new SchedulerConfig.Database(dbUrl,
        opts.getOrDefault("db-user", env("FLOTILLA_SCHEDULER_DB_USER", "flotilla")), env("FLOTILLA_SCHEDULER_DB_PASSWORD", ""));
    var config =
        new SchedulerConfig(
            opts.getOrDefault("host", "127.0.0.1"),
            Integer.parseInt(opts.getOrDefault("port", env("FLOTILLA_SCHEDULER_PORT", "0"))),
            Duration.ofMillis(Long.parseLong(opts.getOrDefault("heartbeat-ms", "1000"))),
            Duration.ofMillis(Long.parseLong(opts.getOrDefault("node-timeout-ms", "5000"))),
            SchedulerConfig.DEFAULT_INLINE_LIMIT,
            dataDir,
            db,
            Duration.ofMillis(Long.parseLong(opts.getOrDefault("recovery-window-ms",
                String.valueOf(SchedulerConfig.DEFAULT_RECOVERY_WINDOW.toMillis())))),
            env("FLOTILLA_EDGE_SECRET", ""));
    if (db == null) {
      LOG.warning("no --db-url: the scheduler keeps its state in memory, and a restart loses jobs, actors and placement groups");
    }
    SchedulerServer server = SchedulerServer.start(config, InstantSource.system());
    String address = "flotilla://" + config.host() + ":" + server.port();
    if (opts.containsKey("address-file")) {
      Path f = Path.of(opts.get("address-file"));
      Files.createDirectories(f.toAbsolutePath().getParent());
      Files.writeString(f, address + "\n");
    }
    System.out.println("flotilla scheduler listening on " + address);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    server.awaitTermination();
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
