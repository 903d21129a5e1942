package dev.flotilla.deploy.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * {@code flotilla up} and {@code flotilla down}: the whole platform on one machine, recorded under
 * {@link PlatformSettings#home()}. One {@code up} or {@code down} at a time per home (a file lock).
 * Blocking.
 */
public final class Platform {
  private final PlatformSettings settings;

  public Platform(PlatformSettings settings) {
    this.settings = settings;
  }

  /**
   * Starts everything and prints where to open it; when the platform is already up, says so and
   * starts nothing.
   *
   * @return the scheduler's address (for drivers), or empty when nothing was started
   * @throws IllegalStateException when something does not start (what started is stopped again)
   */
  public Optional<String> up(PrintStream out) {
    try (Lock ignored = lock()) {
      PlatformState state = PlatformState.load(settings.home());
      List<PlatformState.Recorded> recorded = state.processes();
      List<PlatformState.Recorded> live = state.liveProcesses();
      if (!recorded.isEmpty() && live.size() == recorded.size()) {
        out.println("Flotilla is already up (" + live.size() + " processes; `./flotilla down` stops them).");
        printWhere(out, state.get("api.url").orElse("?"), state.get("edge.address").orElse("?"), null);
        return Optional.empty();
      }
      if (!live.isEmpty()) {
        throw new IllegalStateException("Flotilla is partly up: " + roles(live) + " running, "
            + roles(recorded.stream().filter(r -> !live.contains(r)).toList())
            + " not; run `./flotilla down`, then `./flotilla up` (logs in " + settings.home().resolve("logs") + ")");
      }
      state.delete(); // nothing of it runs any more (a reboot, say)
      try {
        var up = new PlatformStart(settings, state, out).run();
        out.println();
        out.println("Flotilla is up.");
        printWhere(out, up.apiUrl(), up.edgeAddress(), up.demo());
        out.println("  Keycloak:        " + up.keycloakUrl() + "  (realm " + DemoBootstrap.REALM + ")");
        out.println("  Scheduler:       " + up.schedulerAddress() + "  (1 gpu-worker; PostgreSQL " + up.database() + ")");
        out.println("  Platform admin:  " + DemoBootstrap.PLATFORM_ADMIN + "  (password in " + up.platformAdminPasswordFile() + ")");
        out.println("  Mail:            " + settings.mailSummary());
        out.println("Logs in " + settings.home().resolve("logs") + "; stop everything with `./flotilla down`.");
        return Optional.of(up.schedulerAddress());
      } catch (RuntimeException e) {
        if (!state.processes().isEmpty()) {
          out.println("Start failed; stopping what was started (" + roles(state.processes()) + ")...");
        }
        PlatformStop.stopAll(state);
        state.delete();
        throw e;
      }
    }
  }

  /**
   * Stops everything {@code up} started.
   *
   * @return the roles that were running (empty: nothing was up)
   */
  public List<String> down(PrintStream out) {
    try (Lock ignored = lock()) {
      PlatformState state = PlatformState.load(settings.home());
      if (state.isEmpty()) {
        out.println("Flotilla is not up (nothing recorded in " + settings.home() + ").");
        return List.of();
      }
      List<String> stopped = PlatformStop.stopAll(state);
      state.delete();
      out.println(stopped.isEmpty() ? "Nothing was running any more." : "Stopped " + String.join(", ", stopped) + ".");
      return stopped;
    }
  }

  private void printWhere(PrintStream out, String apiUrl, String edgeAddress, DemoBootstrap.Result demo) {
    var http = new Http();
    out.println("  URL:             " + apiUrl);
    out.println("  Health:          " + apiUrl + "/q/health");
    for (String path : List.of("/q/swagger-ui", "/q/openapi")) {
      try {
        if (http.send("GET", apiUrl + path, null, null).status() == 200) {
          out.println("  " + (path.endsWith("ui") ? "Swagger UI:" : "OpenAPI:   ") + "      " + apiUrl + path);
        }
      } catch (IllegalStateException notServed) {
        // not served by this api-server build
      }
    }
    out.println("  SDK:             " + edgeAddress + "  (Flotilla.connect(address, apiToken); tokens: POST "
        + "/api/v1/tenants/" + DemoBootstrap.TENANT + "/workspaces/" + DemoBootstrap.WORKSPACE + "/tokens)");
    out.println("  Tenant:          " + DemoBootstrap.TENANT + "  (workspace " + DemoBootstrap.WORKSPACE + ")");
    out.println("  User:            " + DemoBootstrap.TENANT_ADMIN);
    Optional<String> saved = new SecretFile(settings.home().resolve("secrets/demo-admin-password")).read();
    if (demo != null && demo.shownFirstTime()) {
      out.println("  Password:        " + demo.password() + "  (saved in " + demo.passwordFile() + ", mode 0600)");
    } else {
      out.println("  Password:        in " + settings.home().resolve("secrets/demo-admin-password")
          + (saved.isPresent() ? "" : " (missing: run `./flotilla down` and `./flotilla up` to set a new one)"));
    }
  }

  private static String roles(List<PlatformState.Recorded> rs) {
    return String.join(", ", rs.stream().map(PlatformState.Recorded::role).toList());
  }

  /** Held while an {@code up} or {@code down} runs; closing the channel releases it. */
  private record Lock(FileChannel channel) implements AutoCloseable {
    @Override
    public void close() {
      try {
        channel.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private Lock lock() {
    try {
      Files.createDirectories(settings.home());
      FileChannel ch = FileChannel.open(settings.home().resolve("platform.lock"), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
      ch.lock();
      return new Lock(ch);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + settings.home().resolve("platform.lock"), e);
    }
  }
}
