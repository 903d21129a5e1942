package dev.flotilla.deploy.platform;

import dev.flotilla.deploy.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code flotilla up} starts and where, read from the environment:
 *
 * <ul>
 *   <li>{@code FLOTILLA_HOME} (default {@code ~/.flotilla}): state, secrets, logs, Keycloak;
 *       PostgreSQL's data too, except for root without {@code FLOTILLA_HOME} ({@code /var/lib/flotilla},
 *       which the {@code nobody} user PostgreSQL runs as can reach).
 *   <li>{@code FLOTILLA_API_PORT} (8080), {@code FLOTILLA_API_HOST} (127.0.0.1: this machine only; also
 *       the SDK edge's host), {@code FLOTILLA_EDGE_GRPC_PORT} (8090: where SDK programs connect with an API token),
 *       {@code FLOTILLA_API_SERVER_JAR} (default {@code <repo>/api-server/target/quarkus-app/quarkus-run.jar}).
 *   <li>External PostgreSQL instead of the embedded one: {@code FLOTILLA_DB_HOST}, {@code FLOTILLA_DB_PORT}
 *       (5432), {@code FLOTILLA_DB_USER} (flotilla), {@code FLOTILLA_DB_PASSWORD}; databases
 *       {@code apiserver} and {@code scheduler} are created when missing.
 *   <li>Invitation e-mails: {@code FLOTILLA_MAIL_HOST}, {@code FLOTILLA_MAIL_PORT} (25),
 *       {@code FLOTILLA_MAIL_FROM} (required with a host), {@code FLOTILLA_MAIL_USER},
 *       {@code FLOTILLA_MAIL_PASSWORD}, {@code FLOTILLA_MAIL_STARTTLS}, {@code FLOTILLA_MAIL_SSL}: passed to
 *       the api-server as they are; none set, invitations are not e-mailed.
 *   <li>External Keycloak instead of the embedded one: {@code FLOTILLA_KEYCLOAK_URL},
 *       {@code FLOTILLA_KEYCLOAK_ADMIN_USER} (admin), {@code FLOTILLA_KEYCLOAK_ADMIN_PASSWORD}
 *       (a master-realm administrator).
 * </ul>
 *
 * @param externalDatabase null: embedded PostgreSQL
 * @param externalKeycloak null: embedded Keycloak
 * @param mail the {@code FLOTILLA_MAIL_*} variables, handed to the api-server as they are (empty: no mail)
 */
public record PlatformSettings(Path home, Path postgresBase, Path postgresCache, String apiHost, int apiPort,
    int edgePort, Path apiServerJar, Database externalDatabase, Keycloak externalKeycloak, Map<String, String> mail) {

  /** A PostgreSQL server: where, and a user allowed to create databases. */
  public record Database(String host, int port, String user, String password) {
    public String jdbcUrl(String database) {
      return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
      return "postgresql://" + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
      return "Database[" + user + "@" + host + ":" + port + "]"; // never the password
    }
  }

  /** A Keycloak server and a master-realm administrator. */
  public record Keycloak(String url, String adminUser, String adminPassword) {
    @Override
    public String toString() {
      return "Keycloak[" + adminUser + "@" + url + "]";
    }
  }

  /**
   * Reads the settings.
   *
   * @param repoRoot where the default api-server jar is looked for
   * @throws IllegalArgumentException naming the variable that is wrong
   */
  public static PlatformSettings fromEnvironment(Map<String, String> env, Path repoRoot) {
    String homeVar = blankToNull(env.get("FLOTILLA_HOME"));
    Path home = homeVar != null ? Path.of(homeVar) : Path.of(System.getProperty("user.home"), ".flotilla");
    Path pgCache = homeVar != null ? home : EmbeddedPostgres.defaultCache();
    Path jar = Path.of(env.getOrDefault("FLOTILLA_API_SERVER_JAR",
        repoRoot.resolve("api-server/target/quarkus-app/quarkus-run.jar").toString()));
    Database db = null;
    if (blankToNull(env.get("FLOTILLA_DB_HOST")) != null) {
      db = new Database(env.get("FLOTILLA_DB_HOST"), port(env, "FLOTILLA_DB_PORT", 5432),
          env.getOrDefault("FLOTILLA_DB_USER", "flotilla"), required(env, "FLOTILLA_DB_PASSWORD", "FLOTILLA_DB_HOST"));
    }
    Keycloak kc = null;
    if (blankToNull(env.get("FLOTILLA_KEYCLOAK_URL")) != null) {
      kc = new Keycloak(env.get("FLOTILLA_KEYCLOAK_URL").replaceAll("/+$", ""),
          env.getOrDefault("FLOTILLA_KEYCLOAK_ADMIN_USER", "admin"),
          required(env, "FLOTILLA_KEYCLOAK_ADMIN_PASSWORD", "FLOTILLA_KEYCLOAK_URL"));
    }
    return new PlatformSettings(home.toAbsolutePath(), pgCache.resolve("postgres").toAbsolutePath(),
        pgCache.toAbsolutePath(), env.getOrDefault("FLOTILLA_API_HOST", "127.0.0.1"),
        port(env, "FLOTILLA_API_PORT", 8080), port(env, "FLOTILLA_EDGE_GRPC_PORT", 8090), jar.toAbsolutePath(), db, kc, mail(env));
  }

  /** The set {@code FLOTILLA_MAIL_*} variables (SMTP server of invitation e-mails; see the api-server README). */
  private static Map<String, String> mail(Map<String, String> env) {
    var mail = new java.util.TreeMap<String, String>();
    env.forEach((k, v) -> {
      if (k.startsWith("FLOTILLA_MAIL_") && blankToNull(v) != null) {
        mail.put(k, v);
      }
    });
    if (mail.containsKey("FLOTILLA_MAIL_HOST")) {
      required(env, "FLOTILLA_MAIL_FROM", "FLOTILLA_MAIL_HOST");
    }
    return java.util.Collections.unmodifiableMap(mail);
  }

  @Override
  public String toString() {
    return "PlatformSettings[" + home + ", api " + apiHost + ":" + apiPort + ", edge " + edgePort + ", " + externalDatabase
        + ", " + externalKeycloak + ", mail " + mail.keySet() + "]"; // never a password
  }

  /** The summary line about invitation e-mails. */
  public String mailSummary() {
    String host = mail.get("FLOTILLA_MAIL_HOST");
    return host == null ? "not configured (invitations are not e-mailed)"
        : "SMTP " + host + ":" + mail.getOrDefault("FLOTILLA_MAIL_PORT", "25") + " from " + mail.get("FLOTILLA_MAIL_FROM");
  }

  /** The address clients use: loopback when the server listens on every interface. */
  public String apiUrl() {
    return "http://" + clientHost() + ":" + apiPort;
  }

  /** Where SDK programs connect with an API token ({@code Flotilla.connect(address, token)}). */
  public String edgeAddress() {
    return "flotilla://" + clientHost() + ":" + edgePort;
  }

  private String clientHost() {
    return apiHost.equals("0.0.0.0") ? "127.0.0.1" : apiHost;
  }

  private static int port(Map<String, String> env, String name, int fallback) {
    String v = blankToNull(env.get(name));
    if (v == null) {
      return fallback;
    }
    try {
      int p = Integer.parseInt(v.trim());
      if (p < 1 || p > 65535) {
        throw new NumberFormatException();
      }
      return p;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a port number (1-65535), got " + v);
    }
  }

  private static String required(Map<String, String> env, String name, String because) {
    String v = blankToNull(env.get(name));
    if (v == null) {
      throw new IllegalArgumentException(name + " must be set when " + because + " is");
    }
    return v;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
