package dev.flotilla.testing;

import dev.flotilla.api.Flotilla;
import dev.flotilla.deploy.cluster.LocalCluster;
import dev.flotilla.deploy.cluster.LocalClusterOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a real local cluster (a scheduler and gpu-workers as OS processes) once per test class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static FlotillaClusterExtension cluster = FlotillaClusterExtension.withWorkers(2);
 *
 * @Test void squares() {
 *   try (Flotilla fl = cluster.connect()) { ... }
 * }
 * }</pre>
 *
 * Processes write logs under {@code target/flotilla-test/<class>/logs}; the cluster stops after
 * the class's last test.
 */
public final class FlotillaClusterExtension implements BeforeAllCallback, AfterAllCallback {
  private final LocalClusterOptions.Builder options;
  private LocalCluster cluster;

  private FlotillaClusterExtension(LocalClusterOptions.Builder options) {
    this.options = options;
  }

  public static FlotillaClusterExtension withWorkers(int workers) {
    return new FlotillaClusterExtension(LocalClusterOptions.builder().workers(workers));
  }

  /** More options before the cluster starts (GPUs, CPUs, timeouts). */
  public FlotillaClusterExtension configure(java.util.function.Consumer<LocalClusterOptions.Builder> c) {
    c.accept(options);
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    Path dir = Path.of("target", "flotilla-test", context.getRequiredTestClass().getSimpleName()).toAbsolutePath();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    cluster = LocalCluster.start(options.workDir(dir).build());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (cluster != null) {
      cluster.close();
    }
  }

  /** A new driver connection to the cluster; close it when done. */
  public Flotilla connect() {
    return Flotilla.connect(cluster.address().toString());
  }

  /** The processes, for status checks and fault injection. */
  public LocalCluster cluster() {
    return cluster;
  }
}
