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
 * flotilla:// address once listening).
 */
public final class SchedulerMain {
  private SchedulerMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Map<String, String> opts = Options.parse(args);
    Path dataDir = Path.of(opts.getOrDefault("data-dir", System.getProperty("user.home") + "/.flotilla/scheduler"));
    var config =
        new SchedulerConfig(
            opts.getOrDefault("host", "127.0.0.1"),
            Integer.parseInt(opts.getOrDefault("port", env("FLOTILLA_SCHEDULER_PORT", "0"))),
            Duration.ofMillis(Long.parseLong(opts.getOrDefault("heartbeat-ms", "1000"))),
            Duration.ofMillis(Long.parseLong(opts.getOrDefault("node-timeout-ms", "5000"))),
            SchedulerConfig.DEFAULT_INLINE_LIMIT,
            dataDir);
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
