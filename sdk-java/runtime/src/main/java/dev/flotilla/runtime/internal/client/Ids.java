package dev.flotilla.runtime.internal.client;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random ids for tasks and objects: 16 random bytes, hex, with a kind prefix. */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static String task() {
    return "t" + random();
  }

  public static String group() {
    return "g" + random();
  }

  public static String actor() {
    return "a" + random();
  }

  public static String object() {
    return "o" + random();
  }

  private static String random() {
    byte[] b = new byte[12];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
