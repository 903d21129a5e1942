package dev.flotilla.scheduler.service;

import java.util.HashMap;
import java.util.Map;

/** Parses {@code --name value} and {@code --name=value} command-line options. */
final class Options {
  private Options() {}

  static Map<String, String> parse(String[] args) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument: " + a);
      }
      int eq = a.indexOf('=');
      if (eq > 0) {
        out.put(a.substring(2, eq), a.substring(eq + 1));
      } else if (i + 1 < args.length) {
        out.put(a.substring(2), args[++i]);
      } else {
        throw new IllegalArgumentException("option " + a + " needs a value");
      }
    }
    return out;
  }
}
