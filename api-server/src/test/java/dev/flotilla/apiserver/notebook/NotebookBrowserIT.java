package dev.flotilla.apiserver.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.apiserver.EmbeddedServers;
import dev.flotilla.apiserver.edge.EdgeCluster;
import dev.flotilla.apiserver.ItPlatform;
import dev.flotilla.apiserver.ItTenant;
import dev.flotilla.apiserver.ItUser;
import dev.flotilla.apiserver.KeycloakTestAdmin;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The notebook UI in a real browser: Debian's Chromium driven by playwright-core
 * ({@code notebook-ui/e2e/notebook-flow.mjs}, run by node) against this api-server serving the
 * built UI, with the real Keycloak and PostgreSQL and a real cluster (scheduler + gpu-worker). A
 * member logs in through the tenant's Keycloak (code + PKCE), creates a notebook whose kernel starts
 * in the workspace's executor, defines a method in a cell and sums it over 100 remote tasks
 * (338350), watches a printing loop stream before interrupting it, sees the kernel kept its state,
 * renders a plot (a non-empty SVG image), restarts the kernel (definitions forgotten), adds a
 * markdown cell, reloads and finds cells and outputs, sees the versions; a member of another tenant
 * opening the notebook's URL, or its id on their own paths, gets "Not found"; a new API token is
 * shown once; shutting the kernel down shows why. Screenshots land in {@code docs/screenshots/}.
 * Needs {@code /usr/bin/chromium} (CI installs it in {@code .ci/run}).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedServers.class)
@QuarkusTestResource(value = EdgeCluster.class, restrictToAnnotatedClass = true)
class NotebookBrowserIT {
  private static final Path UI = Path.of("..", "notebook-ui");
  private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

  @TestHTTPResource("/")
  URL root;

  @Test
  void member_runsDistributedJavaFromANotebook_otherTenantNotFound() throws IOException, InterruptedException {
    assertThat(CHROMIUM).as("Chromium (apt-get install chromium; .ci/run does it in CI)").isExecutable();
    assertThat(UI.resolve("node_modules/playwright-core")).as("notebook-ui's npm ci (the Maven build runs it)").isDirectory();
    allowBrowserOrigin();
    ItTenant tenant = ItPlatform.createTenant("shared");
    String workspace = tenant.createWorkspace("nb");
    ItUser member = tenant.invite(workspace, "member");
    ItTenant other = ItPlatform.createTenant("shared");
    String otherWorkspace = other.createWorkspace("nb");
    ItUser stranger = other.invite(otherWorkspace, "member");

    Path log = Files.createTempFile("notebook-browser", ".log");
    ProcessBuilder node = new ProcessBuilder("node", "e2e/notebook-flow.mjs").directory(UI.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    node.environment().put("BASE_URL", root.toString().replaceAll("/$", ""));
    node.environment().put("TENANT", tenant.name());
    node.environment().put("WORKSPACE", workspace);
    node.environment().put("USER_EMAIL", member.email());
    node.environment().put("OTHER_TENANT", other.name());
    node.environment().put("OTHER_WORKSPACE", otherWorkspace);
    node.environment().put("OTHER_EMAIL", stranger.email());
    node.environment().put("PASSWORD", ItPlatform.PASSWORD);
    node.environment().put("SCREENSHOTS", Path.of("..", "docs", "screenshots").toAbsolutePath().toString());
    node.environment().put("CHROMIUM", CHROMIUM.toString());
    Process p = node.start();
    boolean finished = p.waitFor(10, TimeUnit.MINUTES);
    if (!finished) {
      p.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    assertThat(finished).as("browser test still running after 10 minutes:\n" + output).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).contains("ok   a cell defines a method, the next sums it over 100 remote tasks: 338350",
        "ok   a cell that prints in a loop shows output before it ends; interrupt stops it",
        "ok   a plot renders as a non-empty SVG image", "ok   restart forgets definitions",
        "ok   reload: the notebook is there", "ok   a user of another tenant opening the notebook's URL gets not found");
  }

  /**
   * The notebook client's web origins are "+" (its redirect URIs' origins); the test's redirect
   * URIs hold a port wildcard, from which Keycloak derives no origin, so the run's origin is named.
   */
  private void allowBrowserOrigin() {
    KeycloakTestAdmin kc = ItPlatform.keycloak();
    String clients = "/" + ItPlatform.platformRealm() + "/clients";
    JsonObject client = new JsonArray(kc.get(clients + "?clientId=flotilla-notebook")).getJsonObject(0);
    String origin = root.getProtocol() + "://" + root.getHost() + ":" + root.getPort();
    client.put("webOrigins", new JsonArray().add(origin));
    kc.put(clients + "/" + client.getString("id"), client.encode());
  }
}
