package dev.flotilla.apiserver.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Our API tokens: {@code flt_} followed by 32 random bytes (URL-safe base64, 43 characters).
 * Only {@link #hash} of a token is stored; {@link #prefix} (the first 12 characters) identifies it
 * in listings without revealing it. Thread-safe.
 */
public final class ApiTokenSecrets {
  public static final String PREFIX = "flt_";
  private static final int PREFIX_SHOWN = 12;
  private static final int MAX_LENGTH = 100;
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiTokenSecrets() {}

  /** A fresh secret token. */
  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether a bearer credential is one of ours (then OIDC never sees it). */
  public static boolean isApiToken(String credential) {
    return credential != null && credential.startsWith(PREFIX);
  }

  /** Whether it could be a token we issued at all (cheap check before hashing and a lookup). */
  public static boolean wellFormed(String token) {
    return isApiToken(token) && token.length() <= MAX_LENGTH
        && token.substring(PREFIX.length()).chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
  }

  public static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }

  public static String prefix(String token) {
    return token.substring(0, Math.min(PREFIX_SHOWN, token.length()));
  }
}
