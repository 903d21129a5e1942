package dev.flotilla.scheduler.service;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Code blobs on the scheduler's disk, named by the SHA-256 of their bytes. An upload whose bytes
 * do not hash to its name is refused. Thread-safe (files are written to a temp name and moved).
 */
final class BlobStore {
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  private final Path dir;

  BlobStore(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
  }

  static boolean isValidHash(String hash) {
    return HASH.matcher(hash).matches();
  }

  boolean has(String hash) {
    return isValidHash(hash) && Files.isRegularFile(path(hash));
  }

  Path path(String hash) {
    if (!isValidHash(hash)) {
      throw new IllegalArgumentException("not a SHA-256 hex hash: " + hash);
    }
    return dir.resolve(hash + ".jar");
  }

  /** One upload in progress. */
  final class Upload implements AutoCloseable {
    private final String hash;
    private final Path tmp;
    private final OutputStream out;
    private final MessageDigest md;

    Upload(String hash) throws IOException {
      this.hash = hash;
      path(hash);
      this.tmp = Files.createTempFile(dir, "upload-", ".tmp");
      this.out = Files.newOutputStream(tmp);
      this.md = sha256();
    }

    void write(byte[] data) throws IOException {
      md.update(data);
      out.write(data);
    }

    /** Verifies and publishes the blob. */
    void commit() throws IOException {
      out.close();
      String actual = HexFormat.of().formatHex(md.digest());
      if (!actual.equals(hash)) {
        Files.deleteIfExists(tmp);
        throw new IllegalArgumentException("blob " + hash + " has bytes hashing to " + actual);
      }
      Files.move(tmp, path(hash), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() throws IOException {
      out.close();
      Files.deleteIfExists(tmp);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
