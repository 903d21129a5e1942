package dev.flotilla.apiserver.edge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * The SDK edge ({@code flotilla.edge.*}, from the environment as {@code FLOTILLA_EDGE_*}): where
 * the scheduler is, the secret that proves this api-server to it, and where SDK clients connect.
 * Without a scheduler address the edge is off (the REST API still serves).
 */
@ConfigMapping(prefix = "flotilla.edge")
public interface EdgeConfig {
  /** The scheduler, e.g. {@code flotilla://127.0.0.1:50051}. */
  Optional<String> schedulerAddress();

  /** The scheduler's {@code FLOTILLA_EDGE_SECRET}. */
  Optional<String> secret();

  /** The gRPC port SDK clients connect to with an API token; 0 picks a free one. */
  @WithDefault("8090")
  int grpcPort();

  @WithDefault("0.0.0.0")
  String grpcHost();

  /**
   * PEM certificate chain for TLS on the SDK port ({@code FLOTILLA_EDGE_TLS_CERT_FILE}); with
   * {@link #tlsKeyFile()} the edge speaks only TLS (clients use {@code flotillas://} or {@code
   * https://}). Without both it is plaintext, for loopback and trusted networks.
   */
  Optional<String> tlsCertFile();

  /** PEM (PKCS#8) private key of {@link #tlsCertFile()} ({@code FLOTILLA_EDGE_TLS_KEY_FILE}). */
  Optional<String> tlsKeyFile();
}
