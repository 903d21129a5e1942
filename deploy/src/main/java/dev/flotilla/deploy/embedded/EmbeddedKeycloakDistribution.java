package dev.flotilla.deploy.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Keycloak server distribution ({@code org.keycloak:keycloak-quarkus-dist:tar.gz}), unpacked
 * and built ({@code kc.sh build}) once under {@code <cache>/keycloak/<version>}, so that every
 * later start can use {@code --optimized} (about half the start time). The tarball comes from
 * {@code FLOTILLA_KEYCLOAK_DIST} / {@code -Dflotilla.keycloak.dist}, else from the local Maven
 * repository, where the build's {@code maven-dependency-plugin:copy} puts it on a fresh machine.
 *
 * <p>Concurrent callers serialise on a file lock in the cache. Blocks while unpacking (~2 s) and
 * building (~25 s on two cores).
 */
final class EmbeddedKeycloakDistribution {
  static final String VERSION = "26.7.3";
  /** Build-time options; a change here must change {@link #BUILT_MARKER}'s content. */
  static final List<String> BUILD_OPTIONS = List.of("--db=dev-file", "--cache=local");
  private static final String BUILT_MARKER = ".flotilla-built";

  private EmbeddedKeycloakDistribution() {}

  /** Returns the built distribution's home (with {@code bin/kc.sh}). Blocks. */
  static Path install(Path cache, Path javaHome) {
    Path root = cache.resolve("keycloak");
    Path home = root.resolve(VERSION);
    try {
      Files.createDirectories(root);
      try (FileChannel ch = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = ch.lock()) {
        Path marker = home.resolve(BUILT_MARKER);
        if (Files.isRegularFile(marker) && Files.readString(marker).equals(String.join(" ", BUILD_OPTIONS))) {
          return home;
        }
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
          unpack(tarball(), root);
        }
        run(List.of(home.resolve("bin/kc.sh").toString(), "build"), BUILD_OPTIONS, home, javaHome);
        Files.writeString(marker, String.join(" ", BUILD_OPTIONS));
        return home;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot install Keycloak " + VERSION + " under " + root, e);
    }
  }

  /** The tarball: explicitly configured, else the local Maven repository's copy. */
  static Path tarball() {
    String configured = System.getProperty("flotilla.keycloak.dist", System.getenv("FLOTILLA_KEYCLOAK_DIST"));
    if (configured != null && !configured.isBlank()) {
      return requireFile(Path.of(configured));
    }
    String repo = System.getProperty("maven.repo.local");
    Path m2 = repo != null ? Path.of(repo) : Path.of(System.getProperty("user.home"), ".m2", "repository");
    return requireFile(m2.resolve("org/keycloak/keycloak-quarkus-dist/" + VERSION
        + "/keycloak-quarkus-dist-" + VERSION + ".tar.gz"));
  }

  private static Path requireFile(Path p) {
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException("Keycloak distribution not found at " + p + ": build the deploy module"
          + " (./mvnw -pl deploy package copies org.keycloak:keycloak-quarkus-dist:" + VERSION
          + ":tar.gz into the local repository) or set FLOTILLA_KEYCLOAK_DIST");
    }
    return p;
  }

  private static void unpack(Path tarball, Path into) throws IOException {
    Path staging = Files.createTempDirectory(into, "unpack-");
    run(List.of("tar", "-xzf", tarball.toString(), "-C", staging.toString()), List.of(), into, null);
    Files.move(staging.resolve("keycloak-" + VERSION), into.resolve(VERSION));
    Files.delete(staging);
  }

  private static void run(List<String> command, List<String> args, Path dir, Path javaHome) throws IOException {
    List<String> full = new java.util.ArrayList<>(command);
    full.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true);
    if (javaHome != null) {
      pb.environment().put("JAVA_HOME", javaHome.toString());
    }
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes());
    try {
      if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", full) + " failed:\n" + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", full), e);
    }
  }
}
