package dev.flotilla.apiserver.launch;

import java.util.Objects;

/**
 * One class-path jar of a launch, named by the lowercase hex SHA-256 of its bytes (the scheduler
 * stores code content-addressed and checks the hash).
 */
public record Blob(String sha256, byte[] bytes) {
  public Blob {
    Objects.requireNonNull(bytes, "bytes");
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("a blob is named by its lowercase hex SHA-256, not '" + sha256 + "'");
    }
  }
}
