package dev.flotilla.runtime.internal.client;

import dev.flotilla.api.ClusterUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A parsed cluster address: {@code flotilla://host:port} (plaintext, for a local cluster or a
 * trusted network) or {@code flotillas://host:port} / {@code https://host:port} (TLS, for a hosted
 * platform's edge), and where the default one comes from.
 */
public record ClusterAddress(String host, int port, boolean tls) {
  public static final String SCHEME = "flotilla://";
  public static final String TLS_SCHEME = "flotillas://";
  private static final String HTTPS = "https://";
  private static final String FORM = "flotilla://host:port (or flotillas://host:port, https://host:port with TLS)";

  /** A plaintext address. */
  public ClusterAddress(String host, int port) {
    this(host, port, false);
  }

  public static ClusterAddress parse(String text) {
    String s = text.trim();
    boolean tls;
    String hostPort;
    if (s.startsWith(SCHEME)) {
      tls = false;
      hostPort = s.substring(SCHEME.length());
    } else if (s.startsWith(TLS_SCHEME)) {
      tls = true;
      hostPort = s.substring(TLS_SCHEME.length());
    } else if (s.startsWith(HTTPS)) {
      tls = true;
      hostPort = s.substring(HTTPS.length());
    } else {
      throw new IllegalArgumentException("Cluster address must look like " + FORM + ", got: " + text);
    }
    if (hostPort.endsWith("/")) {
      hostPort = hostPort.substring(0, hostPort.length() - 1);
    }
    int colon = hostPort.lastIndexOf(':');
    if (colon <= 0 || colon == hostPort.length() - 1) {
      throw new IllegalArgumentException("Cluster address must look like " + FORM + ", got: " + text);
    }
    try {
      int port = Integer.parseInt(hostPort.substring(colon + 1));
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      String host = hostPort.substring(0, colon);
      if (host.contains(":") && !(host.startsWith("[") && host.endsWith("]"))) {
        throw new IllegalArgumentException(
            "IPv6 hosts need brackets, e.g. flotilla://[::1]:7000, got: " + text);
      }
      if (host.contains("/")) {
        throw new IllegalArgumentException("Cluster address must look like " + FORM + ", got: " + text);
      }
      return new ClusterAddress(host, port, tls);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Bad port in cluster address: " + text);
    }
  }

  /**
   * The configured address: {@code FLOTILLA_ADDRESS}, else the {@code flotilla.address} system
   * property, else {@code address} in {@code FLOTILLA_HOME} (default {@code ~/.flotilla}), which {@code
   * flotilla cluster start} and {@code flotilla up} write.
   */
  public static ClusterAddress configured(Map<String, String> env, Path home) {
    String fromEnv = env.get("FLOTILLA_ADDRESS");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return parse(fromEnv);
    }
    String prop = System.getProperty("flotilla.address");
    if (prop != null && !prop.isBlank()) {
      return parse(prop);
    }
    String flotillaHome = env.get("FLOTILLA_HOME");
    Path file = (flotillaHome != null && !flotillaHome.isBlank() ? Path.of(flotillaHome.strip()) : home.resolve(".flotilla"))
        .resolve("address");
    if (Files.isRegularFile(file)) {
      try {
        return parse(Files.readString(file));
      } catch (IOException e) {
        throw new ClusterUnavailableException("Cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    throw new ClusterUnavailableException(
        "No Flotilla cluster address: set FLOTILLA_ADDRESS=flotilla://host:port, or start a"
            + " local cluster with `./flotilla cluster start` (it writes " + file + ")");
  }

  public String target() {
    return host + ":" + port;
  }

  @Override
  public String toString() {
    return (tls ? TLS_SCHEME : SCHEME) + target();
  }
}
