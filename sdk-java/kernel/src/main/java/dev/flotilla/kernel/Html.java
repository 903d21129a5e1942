package dev.flotilla.kernel;

/** HTML escaping for text a cell shows (every output's text goes through it before it is HTML). */
public final class Html {
  private Html() {}

  /** {@code text} with {@code & < > " '} escaped; null becomes {@code "null"}. */
  public static String escape(Object text) {
    String s = String.valueOf(text);
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
