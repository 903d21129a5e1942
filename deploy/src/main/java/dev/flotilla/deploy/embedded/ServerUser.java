package dev.flotilla.deploy.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The OS user an embedded server runs as. PostgreSQL refuses to run as root, so a root caller
 * runs it as {@code nobody} (or {@code FLOTILLA_POSTGRES_USER}) through {@code runuser}; any other
 * caller runs it as itself.
 *
 * @param name the user, or null for "the caller itself"
 */
record ServerUser(String name) {

  static ServerUser forPostgres() {
    if (!isRoot()) {
      return new ServerUser(null);
    }
    String configured = System.getenv("FLOTILLA_POSTGRES_USER");
    return new ServerUser(configured == null || configured.isBlank() ? "nobody" : configured);
  }

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  boolean isOther() {
    return name != null;
  }

  /** The command, prefixed so that it runs as this user. */
  List<String> command(List<String> command) {
    List<String> full = new ArrayList<>();
    if (isOther()) {
      full.addAll(List.of("runuser", "-u", name, "--"));
    }
    full.addAll(command);
    return full;
  }

  /** Makes {@code dir} (created if missing) owned by this user, so the server may write it. */
  void own(Path dir) {
    try {
      Files.createDirectories(dir);
      if (isOther()) {
        Files.setOwner(dir, dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name));
        Files.setPosixFilePermissions(dir, Set.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + dir + " for user " + name, e);
    }
  }

  /**
   * Fails with a clear message when this user cannot reach {@code path}: every ancestor must be
   * searchable by others (a root caller's home usually is not).
   */
  void checkReachable(Path path) {
    if (!isOther()) {
      return;
    }
    for (Path p = path.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
      try {
        if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
          throw new IllegalStateException("PostgreSQL runs as '" + name + "' (it refuses root), who cannot enter "
              + p + " on the way to " + path + ". Choose a directory outside it (FLOTILLA_HOME), or make "
              + p + " searchable (chmod o+x).");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
