package dev.flotilla.deploy.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.flotilla.protocol.scheduler.v1.ClusterStatusRequest;
import dev.flotilla.protocol.scheduler.v1.DriverServiceGrpc;
import dev.flotilla.protocol.scheduler.v1.NodeStatus;
import dev.flotilla.runtime.internal.client.Channels;
import dev.flotilla.runtime.internal.client.ClusterAddress;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code flotilla up} and {@code down} for real, in a fresh {@code FLOTILLA_HOME}: embedded
 * PostgreSQL and Keycloak, the scheduler, a gpu-worker and the api-server as processes, the demo
 * tenant made through the api-server's REST API. Then checks what {@code up} printed works, that a
 * second {@code up} starts nothing, that {@code down} leaves no process behind, and that an
 * {@code up} after a {@code down} finds its data again.
 *
 * <p>Needs the api-server's build ({@code api-server/target/quarkus-app}, or
 * {@code -Dflotilla.apiserver.jar}); skipped, saying so, where it is absent.
 */
class PlatformUpIT {
  private static final Duration UP = Duration.ofMinutes(8);
  private static Path home;
  private static Path jar;
  private static Map<String, String> env;
  private final Http http = new Http();

  @BeforeAll
  static void setUp() throws IOException {
    jar = Path.of(System.getProperty("flotilla.apiserver.jar", "../api-server/target/quarkus-app/quarkus-run.jar"))
        .toAbsolutePath().normalize();
    if (!Files.isRegularFile(jar)) {
      return; // the test says so, as a skip
    }
    // Under /tmp and searchable by all, so that a root run can hand PostgreSQL's data to 'nobody'.
    home = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "flotilla-up-it-");
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
    env = Map.of("FLOTILLA_HOME", home.toString(), "FLOTILLA_API_PORT", String.valueOf(freePort()),
        "FLOTILLA_EDGE_GRPC_PORT", String.valueOf(freePort()), "FLOTILLA_API_SERVER_JAR", jar.toString());
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (home == null) {
      return;
    }
    if (Files.exists(home.resolve("platform.state"))) {
      CliProcess.run(env, home.resolve("teardown-down.out"), Duration.ofMinutes(3), "down");
    }
    try (var paths = Files.walk(home)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Test
  void up_freshHome_servesTheDemoTenant_andDownStopsEveryProcess() throws Exception {
    assumeTrue(home != null, "no api-server build at " + jar
        + " (build it with ./mvnw -DskipTests install -pl api-server -am, or pass -Dflotilla.apiserver.jar)");
    CliProcess up = CliProcess.run(env, home.resolve("up-1.out"), UP, "up");
    assertThat(up.exitCode()).as("exit code of up; output:\n%s", up.output()).isZero();
    assertThat(up.output()).contains("Flotilla is up.");
    String url = up.field("URL");
    String user = up.field("User");
    String password = up.field("Password");

    assertThat(http.send("GET", up.field("Health"), null, null).expect("health", 200).body()).contains("\"UP\"");
    String token = login(user, password);
    assertThat(workspacesOfDemo(url, token)).containsExactly("default");
    assertThat(aliveNodes(up.field("Scheduler"))).as("alive nodes registered with the scheduler").isEqualTo(1);
    CliProcess smoke = smokeCheckThroughTheEdge(up.field("SDK"), apiToken(url, token));
    assertThat(smoke.output()).as("SDK program with an API token, through the edge").contains("sum of squares 0..19 = 2470");
    assertThat(smoke.exitCode()).isZero();

    List<PlatformState.Recorded> recorded = PlatformState.load(home).processes();
    assertThat(recorded).extracting(PlatformState.Recorded::role)
        .contains("postgres", "keycloak", "scheduler", "worker-1", "api-server");
    CliProcess again = CliProcess.run(env, home.resolve("up-2.out"), Duration.ofMinutes(1), "up");
    assertThat(again.exitCode()).as("second up; output:\n%s", again.output()).isZero();
    assertThat(again.output()).contains("already up");
    assertThat(PlatformState.load(home).processes()).isEqualTo(recorded);

    downAndAwaitNoProcessLeft(recorded, "down-1.out");

    CliProcess reUp = CliProcess.run(env, home.resolve("up-3.out"), UP, "up");
    assertThat(reUp.exitCode()).as("up after down; output:\n%s", reUp.output()).isZero();
    assertThat(reUp.output()).contains("Password:        in " + home.resolve("secrets/demo-admin-password"));
    assertThat(Files.readString(home.resolve("secrets/demo-admin-password")).trim()).isEqualTo(password);
    assertThat(Files.getPosixFilePermissions(home.resolve("secrets/demo-admin-password")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(workspacesOfDemo(reUp.field("URL"), login(user, password))).containsExactly("default");
    downAndAwaitNoProcessLeft(PlatformState.load(home).processes(), "down-2.out");
  }

  /** The printed user's access token: a password grant through a test-only client, as the api-server ITs do. */
  private String login(String user, String password) throws IOException {
    String keycloak = PlatformState.load(home).get("keycloak.url").orElseThrow();
    String adminPassword = Files.readString(home.resolve("keycloak/26.7.3/admin-password")).trim();
    String master = http.postForm(keycloak + "/realms/master/protocol/openid-connect/token", Map.of(
            "grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", adminPassword))
        .expect("master login", 200).json().getAsJsonObject().get("access_token").getAsString();
    JsonObject client = new JsonObject();
    client.addProperty("clientId", "it-direct");
    client.addProperty("publicClient", true);
    client.addProperty("directAccessGrantsEnabled", true);
    client.addProperty("standardFlowEnabled", false);
    http.send("POST", keycloak + "/admin/realms/flotilla/clients", master, client.toString())
        .expect("create the test's login client", 201, 409);
    return http.passwordGrant(keycloak + "/realms/flotilla/protocol/openid-connect/token", "it-direct", null,
        user, password);
  }

  private List<String> workspacesOfDemo(String url, String token) {
    List<String> names = new ArrayList<>();
    for (JsonElement w : http.send("GET", url + "/api/v1/tenants/demo/workspaces", token, null)
        .expect("workspaces of demo", 200).json().getAsJsonArray()) {
      names.add(w.getAsJsonObject().get("name").getAsString());
    }
    return names;
  }

  /** A new {@code flt_} API token of the demo admin for workspace default (shown once, in this answer). */
  private String apiToken(String url, String accessToken) {
    return http.send("POST", url + "/api/v1/tenants/demo/workspaces/default/tokens", accessToken, "{\"name\":\"platform-it\"}")
        .expect("create an API token", 201).json().getAsJsonObject().get("token").getAsString();
  }

  /** The SDK's smoke check (twenty remote tasks) as its own JVM, connecting to the printed SDK address. */
  private static CliProcess smokeCheckThroughTheEdge(String address, String apiToken) throws Exception {
    return CliProcess.runMain("dev.flotilla.runtime.internal.client.SmokeCheck",
        Map.of("FLOTILLA_ADDRESS", address, "FLOTILLA_TOKEN", apiToken), home.resolve("smoke.out"), Duration.ofMinutes(3));
  }

  private static long aliveNodes(String address) {
    var channel = Channels.open(ClusterAddress.parse(address).target());
    try {
      return DriverServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
          .clusterStatus(ClusterStatusRequest.getDefaultInstance())
          .getNodesList().stream().filter(NodeStatus::getAlive).count();
    } finally {
      Channels.close(channel);
    }
  }

  private static void downAndAwaitNoProcessLeft(List<PlatformState.Recorded> recorded, String outFile) throws Exception {
    List<ProcessHandle> all = new ArrayList<>();
    for (PlatformState.Recorded r : recorded) {
      r.live().ifPresent(h -> {
        all.add(h);
        h.descendants().forEach(all::add); // executors, Keycloak's JVM, PostgreSQL's backends
      });
    }
    assertThat(all).as("processes running before down").hasSizeGreaterThanOrEqualTo(recorded.size());
    CliProcess down = CliProcess.run(env, home.resolve(outFile), Duration.ofMinutes(3), "down");
    assertThat(down.exitCode()).as("down; output:\n%s", down.output()).isZero();
    assertThat(down.output()).contains("Stopped", "api-server", "worker-1", "scheduler", "keycloak", "postgres");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    List<ProcessHandle> left = all.stream().filter(ProcessHandle::isAlive).toList();
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      try {
        left.getFirst().onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.TimeoutException stillAlive) {
        // reported below
      }
      left = all.stream().filter(ProcessHandle::isAlive).toList();
    }
    assertThat(left).as("processes still alive 30 s after down: %s",
        left.stream().map(h -> h.pid() + " " + h.info().commandLine().orElse("?")).toList()).isEmpty();
    assertThat(Files.exists(home.resolve("platform.state"))).as("state file after down").isFalse();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
