import dev.flotilla.deploy.embedded.EmbeddedKeycloak;
import dev.flotilla.deploy.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tenant creation time at N tenants per mode, end to end through the real API: a fresh
 * EmbeddedKeycloak (its own cache dir, so no realms from earlier runs), an EmbeddedPostgres, the
 * packaged api-server (quarkus-run.jar); then N shared tenants (organizations) and N dedicated
 * tenants (realms), one after another, each timed from request to 201. Prints per-mode
 * statistics and per-quarter means (to show slowdown as the count grows).
 *
 * <p>Usage (see run.sh): java -cp DEPLOY_CLASSPATH TenantCreationBench.java --tenants 200 --work DIR
 */
public class TenantCreationBench {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(arg(args, "--tenants", "200"));
    Path work = Path.of(arg(args, "--work", "bench/tenants/target/run-" + System.currentTimeMillis()));
    Path apiJar = Path.of(arg(args, "--api-jar", "api-server/target/quarkus-app/quarkus-run.jar"));
    Files.createDirectories(work);
    System.out.printf("work dir %s, %d tenants per mode%n", work.toAbsolutePath(), n);
    try (EmbeddedPostgres pg = EmbeddedPostgres.start(work.resolve("postgres"));
        EmbeddedKeycloak kc = EmbeddedKeycloak.start(work.resolve("keycloak-cache"))) {
      pg.createDatabase("bench");
      String adminEmail = "bench-admin@bench.example";
      String adminPassword = UUID.randomUUID().toString();
      int port = freePort();
      ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-jar", apiJar.toString()).redirectErrorStream(true).redirectOutput(work.resolve("api-server.log").toFile());
      var env = pb.environment();
      env.put("FLOTILLA_API_PORT", String.valueOf(port));
      env.put("QUARKUS_DATASOURCE_REACTIVE_URL", pg.reactiveUrl("bench"));
      env.put("QUARKUS_DATASOURCE_JDBC_URL", pg.jdbcUrl("bench"));
      env.put("QUARKUS_DATASOURCE_USERNAME", pg.user());
      env.put("QUARKUS_DATASOURCE_PASSWORD", pg.password());
      env.put("FLOTILLA_KEYCLOAK_URL", kc.url());
      env.put("FLOTILLA_KEYCLOAK_ADMIN_USER", kc.adminUser());
      env.put("FLOTILLA_KEYCLOAK_ADMIN_PASSWORD", kc.adminPassword());
      env.put("FLOTILLA_PLATFORM_REALM", "bench");
      env.put("FLOTILLA_PLATFORM_BOOTSTRAP_ADMIN_EMAIL", adminEmail);
      env.put("FLOTILLA_PLATFORM_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
      Process api = pb.start();
      try {
        String base = "http://127.0.0.1:" + port;
        awaitReady(base + "/q/health/ready", api);
        createDirectClient(kc);
        Login login = new Login(kc.url(), adminEmail, adminPassword);
        List<Double> shared = run("shared", n, base, login);
        List<Double> dedicated = run("dedicated", n, base, login);
        System.out.println();
        System.out.println("| mode | tenants | mean ms | p50 | p90 | p99 | max | mean 1st quarter | 2nd | 3rd | 4th | total s |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        report("shared (organization)", shared);
        report("dedicated (realm)", dedicated);
      } finally {
        api.destroy();
        api.waitFor();
      }
    }
  }

  private static List<Double> run(String mode, int n, String base, Login login) throws Exception {
    List<Double> ms = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      String name = (mode.equals("shared") ? "s" : "d") + "-" + i;
      String body = "{\"name\":\"" + name + "\",\"displayName\":\"Bench " + name + "\",\"mode\":\"" + mode
          + "\",\"adminEmail\":\"admin@" + name + ".example\"}";
      String token = login.token();
      long t0 = System.nanoTime();
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tenants"))
          .timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + token)
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      double took = (System.nanoTime() - t0) / 1e6;
      if (r.statusCode() != 201) {
        throw new IllegalStateException(mode + " tenant " + i + " answered " + r.statusCode() + ": " + r.body());
      }
      ms.add(took);
      if (i % 25 == 0) {
        System.out.printf("%s: %d tenants, last %.0f ms%n", mode, i, took);
      }
    }
    return ms;
  }

  private static void report(String label, List<Double> ms) {
    double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int q = ms.size() / 4;
    System.out.printf("| %s | %d | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.1f |%n", label, ms.size(),
        mean(ms), pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted[sorted.length - 1],
        mean(ms.subList(0, q)), mean(ms.subList(q, 2 * q)), mean(ms.subList(2 * q, 3 * q)),
        mean(ms.subList(3 * q, ms.size())), ms.stream().mapToDouble(Double::doubleValue).sum() / 1000);
  }

  private static double mean(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  private static double pct(double[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  /** The platform admin's token through a direct-grant client, fetched again after 60 s. */
  private static final class Login {
    private final String url;
    private final String user;
    private final String password;
    private String token;
    private Instant fetched = Instant.EPOCH;

    Login(String url, String user, String password) {
      this.url = url;
      this.user = user;
      this.password = password;
    }

    String token() throws Exception {
      if (Duration.between(fetched, Instant.now()).toSeconds() > 60) {
        token = passwordGrant(url, "bench", "bench-direct", user, password);
        fetched = Instant.now();
      }
      return token;
    }
  }

  private static void createDirectClient(EmbeddedKeycloak kc) throws Exception {
    String admin = passwordGrant(kc.url(), "master", "admin-cli", kc.adminUser(), kc.adminPassword());
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(kc.url() + "/admin/realms/bench/clients"))
        .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"clientId\":\"bench-direct\",\"publicClient\":true,"
            + "\"directAccessGrantsEnabled\":true,\"standardFlowEnabled\":false}")).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new IllegalStateException("bench client: " + r.statusCode() + " " + r.body());
    }
  }

  private static String passwordGrant(String url, String realm, String client, String user, String password)
      throws Exception {
    String form = "grant_type=password&client_id=" + client + "&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/realms/" + realm
            + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(r.body());
    if (r.statusCode() != 200 || !m.find()) {
      throw new IllegalStateException("login of " + user + " in " + realm + ": " + r.statusCode() + " " + r.body());
    }
    return m.group(1);
  }

  /** Polls readiness with a deadline; says what it waited for when it gives up. */
  private static void awaitReady(String url, Process api) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      if (!api.isAlive()) {
        throw new IllegalStateException("api-server exited (" + api.exitValue() + ") before " + url + " answered 200");
      }
      try {
        HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
        last = "HTTP " + r.statusCode();
      } catch (IOException e) {
        last = e.toString();
      }
      api.waitFor(250, java.util.concurrent.TimeUnit.MILLISECONDS); // poll interval; returns early if it dies
    }
    throw new IllegalStateException("api-server not ready at " + url + " within 3 min (last: " + last + ")");
  }

  private static int freePort() throws IOException {
    try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static String arg(String[] args, String name, String fallback) {
    int i = Arrays.asList(args).indexOf(name);
    return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
  }
}
