package dev.flotilla.apiserver.tenancy;

import java.security.SecureRandom;
import java.util.Base64;

/** Random one-time secrets (temporary passwords). Thread-safe. */
final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  /** 18 random bytes, URL-safe base64 (24 characters). */
  static String temporaryPassword() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
