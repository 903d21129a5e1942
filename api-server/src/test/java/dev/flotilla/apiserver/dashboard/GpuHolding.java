package dev.flotilla.apiserver.dashboard;

import dev.flotilla.apiserver.edge.EdgeCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link GpuHoldingProgram} running in a JVM of its own, connected through the edge with an API
 * token: its first GPU task holds the GPU until {@link #release()}, its second waits behind it.
 * Each run has a fresh folder under {@code target/dashboard-it} for its release file and output. Its code package is just the
 * program's classes (copied out of {@code target/test-classes}). Closing releases and ends it.
 */
final class GpuHolding implements AutoCloseable {
  private final Process process;
  private final Path release;
  private final Path output;

  private GpuHolding(Process process, Path release, Path output) {
    this.process = process;
    this.release = release;
    this.output = output;
  }

  static GpuHolding start(int edgePort, String token, String workspace) throws IOException {
    Path dir = dev.flotilla.apiserver.ItSharedDir.open(
        Files.createTempDirectory(Files.createDirectories(Path.of("target", "dashboard-it").toAbsolutePath()), "holding-"));
    Path release = dir.resolve("release");
    Path output = dir.resolve("program.log");
    Path classes = Path.of("target", "dashboard-program").toAbsolutePath();
    Path pkg = Files.createDirectories(classes.resolve("dev/flotilla/apiserver/dashboard"));
    try (var files = Files.list(Path.of("target", "test-classes", "dev/flotilla/apiserver/dashboard"))) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("GpuHoldingProgram")).toList()) {
        Files.copy(f, pkg.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    List<String> classPath = new ArrayList<>(EdgeCluster.flotillaClassPath().stream().map(Path::toString).toList());
    classPath.add(classes.toString());
    var pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED", "-cp",
        String.join(java.io.File.pathSeparator, classPath), GpuHoldingProgram.class.getName(), release.toString())
        .redirectErrorStream(true).redirectOutput(output.toFile());
    pb.environment().put("FLOTILLA_ADDRESS", "flotilla://127.0.0.1:" + edgePort);
    pb.environment().put("FLOTILLA_TOKEN", token);
    pb.environment().put("FLOTILLA_WORKSPACE", workspace);
    return new GpuHolding(pb.start(), release, output);
  }

  /** Lets the holding task end. */
  void release() throws IOException {
    Files.writeString(release, "go");
  }

  /** Waits up to {@code timeout} for the program to end; whether it did. */
  boolean ended(long timeout, TimeUnit unit) throws InterruptedException {
    return process.waitFor(timeout, unit);
  }

  /** Whether it ended with a failure (false while it runs). */
  boolean failed() {
    return !process.isAlive() && process.exitValue() != 0;
  }

  int exitValue() {
    return process.exitValue();
  }

  String output() throws IOException {
    return Files.exists(output) ? Files.readString(output) : "(no output)";
  }

  @Override
  public void close() throws IOException {
    release();
    process.destroyForcibly();
  }
}
