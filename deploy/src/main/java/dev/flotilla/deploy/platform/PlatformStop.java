package dev.flotilla.deploy.platform;

import dev.flotilla.deploy.cluster.ManagedProcess;
import dev.flotilla.deploy.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Stops what a {@link PlatformState} records, newest first (api-server, workers, scheduler,
 * Keycloak), each with SIGTERM and, after a grace period, SIGKILL, together with any child it left
 * (executors, Keycloak's JVM); then PostgreSQL with {@code pg_ctl stop}. Blocking.
 */
final class PlatformStop {
  private static final long GRACE_MILLIS = 30_000;

  private PlatformStop() {}

  /** Stops everything recorded; returns the roles that were running. */
  static List<String> stopAll(PlatformState state) {
    List<String> stopped = new ArrayList<>();
    List<PlatformState.Recorded> processes = new ArrayList<>(state.processes());
    java.util.Collections.reverse(processes);
    for (PlatformState.Recorded p : processes) {
      if (p.role().equals("postgres")) {
        continue; // pg_ctl below: a clean checkpoint, not a signal
      }
      p.live().ifPresent(h -> {
        stopTree(p.role(), h);
        stopped.add(p.role());
      });
    }
    var base = state.get("postgres.base");
    if (base.isPresent() && EmbeddedPostgres.stopRunning(Path.of(base.get()), Path.of(state.get("postgres.cache").orElseThrow()))) {
      stopped.add("postgres");
    }
    return stopped;
  }

  /** The process, then whatever of its children outlived it. */
  private static void stopTree(String role, ProcessHandle root) {
    List<ProcessHandle> children = root.descendants().toList();
    new ManagedProcess(role, root, null).stop(GRACE_MILLIS);
    for (ProcessHandle c : children) {
      new ManagedProcess(role + " child", c, null).stop(GRACE_MILLIS);
    }
  }
}
