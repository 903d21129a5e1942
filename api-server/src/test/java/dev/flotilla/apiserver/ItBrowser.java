package dev.flotilla.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of notebook-ui's browser scripts ({@code node e2e/<script>}: playwright-core driving
 * Debian's Chromium) against the IT's api-server, with {@code BASE_URL}, {@code PASSWORD},
 * {@code SCREENSHOTS} ({@code docs/screenshots}) and {@code CHROMIUM} set besides the given
 * variables, for at most the given time. Needs {@code /usr/bin/chromium} (CI installs it in {@code .ci/run}).
 */
public final class ItBrowser {
  private static final Path UI = Path.of("..", "notebook-ui");
  private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

  private ItBrowser() {}

  /** Runs the script for at most {@code limit}; answers its output once it exited 0, else fails with it. */
  public static String run(String script, URL root, Map<String, String> env, Duration limit)
      throws IOException, InterruptedException {
    assertThat(CHROMIUM).as("Chromium (apt-get install chromium; .ci/run does it in CI)").isExecutable();
    assertThat(UI.resolve("node_modules/playwright-core")).as("notebook-ui's npm ci (the Maven build runs it)").isDirectory();
    allowBrowserOrigin(root);
    Path log = Files.createTempFile("browser-" + script, ".log");
    ProcessBuilder node = new ProcessBuilder("node", "e2e/" + script).directory(UI.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    node.environment().putAll(env);
    node.environment().put("BASE_URL", root.toString().replaceAll("/$", ""));
    node.environment().put("PASSWORD", ItPlatform.PASSWORD);
    node.environment().put("SCREENSHOTS", Path.of("..", "docs", "screenshots").toAbsolutePath().toString());
    node.environment().put("CHROMIUM", CHROMIUM.toString());
    Process p = node.start();
    boolean finished = p.waitFor(limit.toSeconds(), TimeUnit.SECONDS);
    if (!finished) {
      p.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    assertThat(finished).as(script + " still running after " + limit + ":\n" + output).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    return output;
  }

  /**
   * The notebook client's web origins are "+" (its redirect URIs' origins); the test's redirect
   * URIs hold a port wildcard, from which Keycloak derives no origin, so the run's origin is named.
   */
  private static void allowBrowserOrigin(URL root) {
    KeycloakTestAdmin kc = ItPlatform.keycloak();
    String clients = "/" + ItPlatform.platformRealm() + "/clients";
    JsonObject client = new JsonArray(kc.get(clients + "?clientId=flotilla-notebook")).getJsonObject(0);
    String origin = root.getProtocol() + "://" + root.getHost() + ":" + root.getPort();
    client.put("webOrigins", new JsonArray().add(origin));
    kc.put(clients + "/" + client.getString("id"), client.encode());
  }
}
