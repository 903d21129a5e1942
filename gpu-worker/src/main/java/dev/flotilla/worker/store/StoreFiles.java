package dev.flotilla.worker.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/** File operations of the store. Blocking; called without the store's lock for large copies. */
final class StoreFiles {

  private static final System.Logger LOG = System.getLogger(StoreFiles.class.getName());

  private StoreFiles() {}

  private static final FileAttribute<?>[] NO_ATTRIBUTES = {};
  private static final FileAttribute<?> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  /**
   * The attributes a new object file is created with: readable by its owner only (the worker,
   * which hands it to an executor's user when one needs it) where the file system is POSIX.
   */
  static FileAttribute<?>[] ownerOnly(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix")
        ? new FileAttribute<?>[] {OWNER_ONLY}
        : NO_ATTRIBUTES;
  }

  /**
   * Copies {@code source} to {@code target} (typically across file systems: tmpfs and disk),
   * keeping its owner and mode (an object handed to a tenant's executor stays that tenant's),
   * removing a partial target on failure.
   */
  static void copy(Path source, Path target) throws IOException {
    try {
      Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
    } catch (IOException e) {
      deleteQuietly(target);
      throw e;
    }
  }

  /** Checks that an executor wrote {@code size} bytes to {@code file} for {@code objectId}. */
  static void checkWritten(String objectId, Path file, long size) {
    long actual;
    try {
      actual = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          "object " + objectId + " has no file at " + file + "; write it before sealing", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of " + file, e);
    }
    if (actual != size) {
      throw new IllegalArgumentException(
          "object %s: %s holds %d bytes but %d were declared"
              .formatted(objectId, file, actual, size));
    }
  }

  /** Moves a file within the store's file system, atomically; false if there is none at {@code from}. */
  static boolean moveIfPresent(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
      return true;
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "could not delete {0}: {1}", file, e.toString());
    }
  }

  /** Deletes a directory and everything under it; a missing directory is fine. */
  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(StoreFiles::deleteQuietly);
    } catch (NoSuchFileException e) {
      // Already gone: what we wanted.
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "could not delete {0}: {1}", dir, e.toString());
    }
  }

  static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create store directory " + dir, e);
    }
  }

  /** Usable bytes on the file system of {@code dir}, or {@code Long.MAX_VALUE} if unknown. */
  static long usableSpace(Path dir) {
    try {
      return Files.getFileStore(dir).getUsableSpace();
    } catch (IOException e) {
      return Long.MAX_VALUE;
    }
  }
}
