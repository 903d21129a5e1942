package dev.flotilla.scheduler.service;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Ids for jobs, sessions, nodes and epochs: random, so none repeats across scheduler restarts. */
final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  /** {@code prefix} and 12 random hex digits (48 bits). */
  static String random(String prefix) {
    byte[] b = new byte[6];
    RANDOM.nextBytes(b);
    return prefix + HexFormat.of().formatHex(b);
  }
}
