package dev.flotilla.runtime.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.api.ClusterUnavailableException;
import dev.flotilla.protocol.scheduler.v1.ClusterStatusRequest;
import dev.flotilla.protocol.scheduler.v1.ClusterStatusResponse;
import dev.flotilla.protocol.scheduler.v1.DriverServiceGrpc;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.FileInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real TLS handshake on loopback between {@link Channels} and a gRPC server with a self-signed
 * certificate made by the JDK's keytool: trusted through {@code flotilla.ca-file}, refused without it.
 */
class TlsChannelTest {
  @TempDir static Path dir;
  private static Path certPem;
  private static Server server;
  private static final AtomicReference<String> SEEN_AUTHORIZATION = new AtomicReference<>();

  @BeforeAll
  static void startTlsServer() throws Exception {
    Path keystore = dir.resolve("edge.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "edge", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
        "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit")
        .redirectErrorStream(true).start();
    String out = new String(keytool.getInputStream().readAllBytes());
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
    assertThat(keytool.exitValue()).as("keytool: " + out).isZero();

    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (var in = new FileInputStream(keystore.toFile())) {
      ks.load(in, "changeit".toCharArray());
    }
    certPem = dir.resolve("edge.crt");
    Files.writeString(certPem, pem("CERTIFICATE", ks.getCertificate("edge").getEncoded()));
    Path keyPem = dir.resolve("edge.key");
    Files.writeString(keyPem, pem("PRIVATE KEY", ((PrivateKey) ks.getKey("edge", "changeit".toCharArray())).getEncoded()));

    var service = new DriverServiceGrpc.DriverServiceImplBase() {
      @Override
      public void clusterStatus(ClusterStatusRequest request, StreamObserver<ClusterStatusResponse> responses) {
        responses.onNext(ClusterStatusResponse.getDefaultInstance());
        responses.onCompleted();
      }
    };
    ServerInterceptor recordAuthorization = new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        SEEN_AUTHORIZATION.set(headers.get(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER)));
        return next.startCall(call, headers);
      }
    };
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0),
            TlsServerCredentials.create(certPem.toFile(), keyPem.toFile()))
        .addService(ServerInterceptors.intercept(service, recordAuthorization))
        .build().start();
  }

  @AfterAll
  static void stopServer() {
    server.shutdownNow();
  }

  @AfterEach
  void clearCaProperty() {
    System.clearProperty(TlsTrust.PROPERTY);
  }

  @Test
  void tlsAddress_withThePlatformsCaFile_callsOverTlsAndSendsTheToken() {
    System.setProperty(TlsTrust.PROPERTY, certPem.toString());
    var channel = Channels.open(new ClusterAddress("127.0.0.1", server.getPort(), true),
        new Channels.Credentials("flt_secret", null));
    try {
      DriverServiceGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS)
          .clusterStatus(ClusterStatusRequest.getDefaultInstance());
      assertThat(SEEN_AUTHORIZATION.get()).isEqualTo("Bearer flt_secret");
    } finally {
      Channels.close(channel);
    }
  }

  @Test
  void tlsAddress_withoutTrustingTheSelfSignedCertificate_isRefusedInTheHandshake() {
    var channel = Channels.open(new ClusterAddress("127.0.0.1", server.getPort(), true), null);
    try {
      assertThatThrownBy(() -> DriverServiceGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS)
              .clusterStatus(ClusterStatusRequest.getDefaultInstance()))
          .isInstanceOfSatisfying(StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
    } finally {
      Channels.close(channel);
    }
  }

  @Test
  void plaintextAddress_toATlsServer_getsNoAnswer() {
    var channel = Channels.open(new ClusterAddress("127.0.0.1", server.getPort(), false), null);
    try {
      assertThatThrownBy(() -> DriverServiceGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS)
              .clusterStatus(ClusterStatusRequest.getDefaultInstance()))
          .isInstanceOf(StatusRuntimeException.class);
    } finally {
      Channels.close(channel);
    }
  }

  @Test
  void caFile_thatIsMissing_isATypedErrorNamingTheVariable() {
    assertThatThrownBy(() -> TlsTrust.channelCredentials(Map.of(TlsTrust.ENV, dir.resolve("nope.pem").toString())))
        .isInstanceOf(ClusterUnavailableException.class)
        .hasMessageContaining("FLOTILLA_CA_FILE").hasMessageContaining("nope.pem");
  }

  @Test
  void caFile_withoutCertificates_isATypedErrorNamingTheFile() throws IOException {
    Path junk = Files.writeString(dir.resolve("junk.pem"), "not a certificate");
    assertThatThrownBy(() -> TlsTrust.channelCredentials(Map.of(TlsTrust.ENV, junk.toString())))
        .isInstanceOf(ClusterUnavailableException.class).hasMessageContaining("junk.pem");
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
