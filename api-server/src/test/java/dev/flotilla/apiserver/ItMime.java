package dev.flotilla.apiserver;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the e-mails the ITs receive: headers (unfolded) and the decoded text of every part of a
 * (possibly nested) multipart message, quoted-printable and base64 included. UTF-8 text only.
 */
public final class ItMime {
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

  private ItMime() {}

  /** The headers of a message or part, names lower-cased. */
  public static Map<String, String> headers(String raw) {
    Map<String, String> headers = new HashMap<>();
    String head = raw.split("\r\n\r\n", 2)[0].replaceAll("\r\n[ \t]+", " ");
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
      }
    }
    return headers;
  }

  /** The decoded text of all leaf parts, one after the other. */
  public static String text(String raw) {
    Map<String, String> headers = headers(raw);
    String[] split = raw.split("\r\n\r\n", 2);
    String body = split.length > 1 ? split[1] : "";
    String type = headers.getOrDefault("content-type", "text/plain");
    Matcher boundary = BOUNDARY.matcher(type);
    if (type.toLowerCase(Locale.ROOT).startsWith("multipart/") && boundary.find()) {
      StringBuilder all = new StringBuilder();
      String[] parts = body.split("(^|\r\n)--" + Pattern.quote(boundary.group(1)));
      for (int i = 1; i < parts.length; i++) {
        if (!parts[i].startsWith("--")) {
          all.append(text(parts[i].replaceFirst("^\r\n", ""))).append('\n');
        }
      }
      return all.toString();
    }
    String encoding = headers.getOrDefault("content-transfer-encoding", "7bit").toLowerCase(Locale.ROOT);
    return switch (encoding) {
      case "quoted-printable" -> quotedPrintable(body);
      case "base64" -> new String(Base64.getMimeDecoder().decode(body), StandardCharsets.UTF_8);
      default -> body;
    };
  }

  private static String quotedPrintable(String body) {
    String joined = body.replace("=\r\n", "");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < joined.length(); i++) {
      char c = joined.charAt(i);
      if (c == '=' && i + 2 < joined.length()) {
        out.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.write(c);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
