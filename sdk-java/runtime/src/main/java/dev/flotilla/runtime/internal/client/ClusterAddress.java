package dev.flotilla.runtime.internal.client;

import dev.flotilla.api.ClusterUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A parsed {@code flotilla://host:port} address, and where the default one comes from. */
public record ClusterAddress(String host, int port) {
  public static final String SCHEME = "flotilla://";

  public static ClusterAddress parse(String text) {
    String s = text.trim();
    if (!s.startsWith(SCHEME)) {
      throw new IllegalArgumentException(
          "Cluster address must look like flotilla://host:port, got: " + text);
    }
    String hostPort = s.substring(SCHEME.length());
    int colon = hostPort.lastIndexOf(':');
    if (colon <= 0 || colon == hostPort.length() - 1) {
      throw new IllegalArgumentException(
          "Cluster address must look like flotilla://host:port, got: " + text);
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
      return new ClusterAddress(host, port);
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
    return SCHEME + target();
  }
}
