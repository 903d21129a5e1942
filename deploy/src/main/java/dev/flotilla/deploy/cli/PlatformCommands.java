package dev.flotilla.deploy.cli;

import dev.flotilla.deploy.platform.Platform;
import dev.flotilla.deploy.platform.PlatformSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code flotilla up | down}: the whole platform (see {@link Platform}). {@code up} also writes
 * the scheduler's address where {@code Flotilla.connect()} and {@code cluster status} look.
 */
final class PlatformCommands {
  private final ClusterHome home;
  private final Platform platform;

  PlatformCommands(ClusterHome home) {
    this.home = home;
    Path root = Path.of(System.getProperty("flotilla.root", "."));
    this.platform = new Platform(PlatformSettings.fromEnvironment(System.getenv(), root));
  }

  int up() {
    platform.up(System.out).ifPresent(address -> home.write(address, List.of()));
    return 0;
  }

  int down() {
    platform.down(System.out);
    home.clear();
    return 0;
  }
}
