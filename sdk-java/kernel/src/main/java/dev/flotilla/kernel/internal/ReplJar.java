package dev.flotilla.kernel.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Packs captured cell classes into a deterministic jar (sorted entries, the zip epoch as every
 * timestamp), named by the SHA-256 of its bytes: the same classes give the same blob.
 */
final class ReplJar {
  private static final long FIXED_TIME = 315532800000L; // 1980-01-01, the zip epoch

  private ReplJar() {}

  /** A written jar and its content hash. */
  record Written(String hash, Path file, long size) {}

  /** Writes {@code <hash>.jar} under {@code dir} (reusing it if present). Blocks on file I/O. */
  static Written write(Map<String, byte[]> classes, Path dir) {
    byte[] bytes = bytes(classes);
    String hash = HexFormat.of().formatHex(sha256(bytes));
    Path file = dir.resolve(hash + ".jar");
    try {
      Files.createDirectories(dir);
      if (!Files.exists(file)) {
        Path tmp = Files.createTempFile(dir, "repl-", ".jar");
        Files.write(tmp, bytes);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the kernel's class jar under " + dir, e);
    }
    return new Written(hash, file, bytes.length);
  }

  static byte[] bytes(Map<String, byte[]> classes) {
    var out = new ByteArrayOutputStream();
    try (var jar = new JarOutputStream(out)) {
      for (var e : new java.util.TreeMap<>(classes).entrySet()) {
        var entry = new JarEntry(e.getKey().replace('.', '/') + ".class");
        entry.setTime(FIXED_TIME);
        jar.putNextEntry(entry);
        jar.write(e.getValue());
        jar.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
