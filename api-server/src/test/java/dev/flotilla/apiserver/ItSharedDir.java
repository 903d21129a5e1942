package dev.flotilla.apiserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Directories a test shares with the executors it starts. Where the tests run as root, the worker
 * runs each tenant's executors as that tenant's own OS user, which cannot write into a directory
 * only root may (as {@code Files.createTempDirectory} makes them): these are open to every user.
 */
public final class ItSharedDir {
  private ItSharedDir() {}

  /** A new directory under {@code java.io.tmpdir} every user can write to. */
  public static Path create(String prefix) throws IOException {
    return open(Files.createTempDirectory(prefix));
  }

  /** Opens {@code dir} (an existing directory) to every user; returns it. */
  public static Path open(Path dir) throws IOException {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    return dir;
  }
}
