package dev.flotilla.worker.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Maps object ids to file names. Ids that are already safe file names are used as they are, so the
 * files are easy to recognise; any other id is encoded, so no id can escape the store's directories
 * or collide with another.
 */
final class ObjectFileNames {

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");
  private static final int MAX_ENCODED = 200;

  private ObjectFileNames() {}

  /**
   * The file name for {@code objectId}: the id itself when it is 1–128 characters of {@code
   * [A-Za-z0-9._-]} not starting with a dot; otherwise {@code "="} plus its URL-safe Base64, or
   * {@code "#"} plus its SHA-256 when that would be too long. Neither prefix can start a plain id.
   */
  static String of(String objectId) {
    if (objectId.isEmpty()) {
      throw new IllegalArgumentException("object id must not be empty");
    }
    if (SAFE.matcher(objectId).matches()) {
      return objectId;
    }
    byte[] utf8 = objectId.getBytes(StandardCharsets.UTF_8);
    String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(utf8);
    if (encoded.length() < MAX_ENCODED) {
      return "=" + encoded;
    }
    return "#" + HexFormat.of().formatHex(sha256(utf8));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }
}
