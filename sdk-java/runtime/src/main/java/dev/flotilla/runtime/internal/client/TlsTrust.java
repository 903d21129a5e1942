package dev.flotilla.runtime.internal.client;

import dev.flotilla.api.ClusterUnavailableException;
import io.grpc.ChannelCredentials;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Map;

/**
 * Which certificate authorities a TLS channel to a platform trusts: the JDK's by default, or only
 * those in a PEM file named by {@code FLOTILLA_CA_FILE} (or the system property {@code
 * flotilla.ca-file}), for a platform with its own or a self-signed certificate. The server's name
 * is always checked against its certificate.
 */
final class TlsTrust {
  static final String ENV = "FLOTILLA_CA_FILE";
  static final String PROPERTY = "flotilla.ca-file";

  private TlsTrust() {}

  static ChannelCredentials channelCredentials(Map<String, String> env) {
    String file = env.get(ENV);
    if (file == null || file.isBlank()) {
      file = System.getProperty(PROPERTY);
    }
    if (file == null || file.isBlank()) {
      return TlsChannelCredentials.create();
    }
    Path pem = Path.of(file.strip());
    if (!Files.isReadable(pem)) {
      throw new ClusterUnavailableException(ENV + " names " + pem + ", which is not a readable file");
    }
    try (var in = Files.newInputStream(pem)) {
      if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
        throw new CertificateException("no certificate found");
      }
      return TlsChannelCredentials.newBuilder().trustManager(pem.toFile()).build();
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new ClusterUnavailableException(ENV + " names " + pem + ", which holds no PEM certificates: " + e.getMessage(), e);
    }
  }
}
