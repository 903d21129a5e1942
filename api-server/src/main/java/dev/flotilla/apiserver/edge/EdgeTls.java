package dev.flotilla.apiserver.edge;

import io.grpc.InsecureServerCredentials;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import java.io.File;
import java.io.IOException;
import java.util.Optional;

/** The SDK port's transport: TLS from a PEM certificate and key when both are configured, else plaintext. */
final class EdgeTls {
  private EdgeTls() {}

  static ServerCredentials credentials(EdgeConfig config) {
    Optional<String> cert = config.tlsCertFile().filter(s -> !s.isBlank());
    Optional<String> key = config.tlsKeyFile().filter(s -> !s.isBlank());
    if (cert.isEmpty() && key.isEmpty()) {
      return InsecureServerCredentials.create();
    }
    if (cert.isEmpty() || key.isEmpty()) {
      throw new IllegalStateException("TLS on the SDK port needs both flotilla.edge.tls-cert-file and"
          + " flotilla.edge.tls-key-file (FLOTILLA_EDGE_TLS_CERT_FILE, FLOTILLA_EDGE_TLS_KEY_FILE); only "
          + (cert.isPresent() ? "the certificate" : "the key") + " is set");
    }
    File certFile = readable(cert.get(), "flotilla.edge.tls-cert-file");
    File keyFile = readable(key.get(), "flotilla.edge.tls-key-file");
    try {
      return TlsServerCredentials.create(certFile, keyFile);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot use " + certFile + " and " + keyFile + " for TLS on the SDK port: "
          + e.getMessage(), e);
    }
  }

  private static File readable(String path, String property) {
    File f = new File(path);
    if (!f.canRead()) {
      throw new IllegalStateException(property + " names " + path + ", which is not a readable file");
    }
    return f;
  }
}
