package dev.flotilla.scheduler.service;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a scheduler runs.
 *
 * @param port gRPC port; 0 picks a free one
 * @param heartbeatInterval how often nodes report
 * @param nodeDeathTimeout a node silent this long is dead (default 3 heartbeats + slack, < 10 s)
 * @param inlineLimitBytes objects up to this size travel inline (100 KiB)
 * @param dataDir where code blobs are kept
 * @param database where jobs, sessions, actors and placement groups are kept across restarts;
 *     null keeps them in memory only (a restart loses them)
 * @param recoveryWindow after a restart, how long nodes and clients have to come back before what
 *     they held is treated as failed
 * @param edgeSecret the secret the api-server presents to open tenant sessions; null: no edge
 *     (a local cluster: every session is local)
 */
public record SchedulerConfig(
    String host,
    int port,
    Duration heartbeatInterval,
    Duration nodeDeathTimeout,
    long inlineLimitBytes,
    Path dataDir,
    Database database,
    Duration recoveryWindow,
    String edgeSecret) {

  public static final long DEFAULT_INLINE_LIMIT = 100 * 1024;
  public static final Duration DEFAULT_RECOVERY_WINDOW = Duration.ofSeconds(30);

  /** A PostgreSQL database reached through JDBC. */
  public record Database(String jdbcUrl, String user, String password) {
    public Database {
      if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException("the scheduler's database URL must start with jdbc:postgresql:, got " + jdbcUrl);
      }
    }
  }

  public SchedulerConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
      throw new IllegalArgumentException("heartbeat interval must be positive");
    }
    if (nodeDeathTimeout.compareTo(heartbeatInterval) <= 0) {
      throw new IllegalArgumentException(
          "node death timeout (" + nodeDeathTimeout + ") must exceed the heartbeat interval ("
              + heartbeatInterval + ")");
    }
    if (recoveryWindow.compareTo(nodeDeathTimeout) < 0) {
      throw new IllegalArgumentException("recovery window (" + recoveryWindow
          + ") must be at least the node death timeout (" + nodeDeathTimeout + ")");
    }
  }

  public static SchedulerConfig defaults(Path dataDir) {
    return new SchedulerConfig(
        "127.0.0.1", 0, Duration.ofSeconds(1), Duration.ofSeconds(5), DEFAULT_INLINE_LIMIT, dataDir, null,
        DEFAULT_RECOVERY_WINDOW, null);
  }
}
