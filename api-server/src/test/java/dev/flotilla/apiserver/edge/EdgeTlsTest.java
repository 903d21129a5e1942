package dev.flotilla.apiserver.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.InsecureServerCredentials;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgeTlsTest {
  @TempDir Path dir;

  @Test
  void neitherFile_isPlaintext() {
    assertThat(EdgeTls.credentials(config(null, null))).isInstanceOf(InsecureServerCredentials.class);
  }

  @Test
  void onlyTheCertificate_isRefusedNamingWhatIsMissing() {
    assertThatThrownBy(() -> EdgeTls.credentials(config("/etc/edge.crt", null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("FLOTILLA_EDGE_TLS_KEY_FILE").hasMessageContaining("only the certificate is set");
  }

  @Test
  void unreadableFiles_areRefusedNamingTheProperty() {
    String missing = dir.resolve("missing.crt").toString();
    assertThatThrownBy(() -> EdgeTls.credentials(config(missing, missing)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("flotilla.edge.tls-cert-file").hasMessageContaining("missing.crt");
  }

  private static EdgeConfig config(String cert, String key) {
    return new EdgeConfig() {
      @Override
      public Optional<String> schedulerAddress() {
        return Optional.empty();
      }

      @Override
      public Optional<String> secret() {
        return Optional.empty();
      }

      @Override
      public int grpcPort() {
        return 0;
      }

      @Override
      public String grpcHost() {
        return "127.0.0.1";
      }

      @Override
      public Optional<String> tlsCertFile() {
        return Optional.ofNullable(cert);
      }

      @Override
      public Optional<String> tlsKeyFile() {
        return Optional.ofNullable(key);
      }
    };
  }
}
