package dev.flotilla.worker.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Ownership and permission helpers for the files tenant executors may (or must not) reach. */
final class PosixFiles {
  private PosixFiles() {}

  /** True when this process runs as root. */
  static boolean isRoot() {
    return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
  }

  /** The program's path on {@code PATH}, if there is one. */
  static java.util.Optional<Path> onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
    return Stream.of(path.split(":")).filter(d -> !d.isEmpty()).map(d -> Path.of(d, program))
        .filter(Files::isExecutable).findFirst();
  }

  /**
   * True when any user can reach {@code p}: every directory above it is searchable by others, and
   * {@code p} itself is readable by others (and searchable, for a directory).
   */
  static boolean reachableByOthers(Path p) {
    try {
      Path abs = p.toAbsolutePath().normalize();
      for (Path d = abs.getParent(); d != null; d = d.getParent()) {
        if (!Files.getPosixFilePermissions(d).contains(PosixFilePermission.OTHERS_EXECUTE)) {
          return false;
        }
      }
      Set<PosixFilePermission> own = Files.getPosixFilePermissions(abs);
      return own.contains(PosixFilePermission.OTHERS_READ)
          && (!Files.isDirectory(abs) || own.contains(PosixFilePermission.OTHERS_EXECUTE));
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** Creates {@code dir} if needed and gives it {@code owner}, {@code group} and {@code mode} (e.g. "rwx------"). */
  static Path directory(Path dir, int owner, int group, String mode) throws IOException {
    Files.createDirectories(dir);
    own(dir, owner, group, mode);
    return dir;
  }

  static void own(Path p, int owner, int group, String mode) throws IOException {
    Files.setAttribute(p, "unix:uid", owner);
    Files.setAttribute(p, "unix:gid", group);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
  }

  static void mode(Path p, String mode) throws IOException {
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
  }

  static int owner(Path p) throws IOException {
    return (Integer) Files.getAttribute(p, "unix:uid");
  }

  /**
   * The class path as others can read it: entries already reachable by every user are kept, the
   * rest (e.g. jars in root's Maven cache) are copied under {@code into}, world-readable.
   */
  static List<Path> readableCopy(List<Path> classPath, Path into) throws IOException {
    List<Path> out = new ArrayList<>();
    int i = 0;
    for (Path entry : classPath) {
      i++;
      if (reachableByOthers(entry) || !Files.exists(entry)) {
        out.add(entry);
        continue;
      }
      Path copy = into.resolve(i + "-" + entry.getFileName());
      copyTree(entry, copy);
      out.add(copy);
    }
    return out;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      walk.forEach(src -> {
        Path dst = to.resolve(from.relativize(src).toString());
        try {
          if (Files.isDirectory(src)) {
            Files.createDirectories(dst);
            mode(dst, "rwxr-xr-x");
          } else {
            Files.createDirectories(dst.getParent());
            Files.deleteIfExists(dst);
            linkOrCopy(src, dst);
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot copy " + src + " to " + dst, e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * A hard link where the file is already readable by others and on the same file system (only the
   * directories above it were closed), else a copy made readable by others.
   */
  private static void linkOrCopy(Path src, Path dst) throws IOException {
    if (Files.getPosixFilePermissions(src).contains(PosixFilePermission.OTHERS_READ)) {
      try {
        Files.createLink(dst, src);
        return;
      } catch (IOException | UnsupportedOperationException e) {
        // another file system: copy
      }
    }
    Files.copy(src, dst);
    mode(dst, "rw-r--r--");
  }

  /** Deletes a tree; what cannot be deleted is left. */
  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // best effort at shutdown
    }
  }
}
