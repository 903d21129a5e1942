package dev.flotilla.apiserver;

import dev.flotilla.deploy.embedded.EmbeddedKeycloak;
import dev.flotilla.deploy.embedded.EmbeddedPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The real servers every api-server IT runs against, started once per test run (in parallel):
 * an {@link EmbeddedPostgres} (data under {@code target/it-postgres}, a fresh database per run)
 * and an {@link EmbeddedKeycloak} (built and kept under {@code target/it-keycloak}; realms
 * persist there, so each run uses a platform realm of its own, {@code it<hex>}, and deletes the
 * run's realms at the end).
 */
public class EmbeddedServers implements QuarkusTestResourceLifecycleManager {
  private EmbeddedPostgres postgres;
  private EmbeddedKeycloak keycloak;
  private String platformRealm;

  @Override
  public Map<String, String> start() {
    ExecutorService starter = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("it-keycloak-start").factory());
    try {
      CompletableFuture<EmbeddedKeycloak> kc =
          CompletableFuture.supplyAsync(() -> EmbeddedKeycloak.start(Path.of("target", "it-keycloak")), starter);
      postgres = EmbeddedPostgres.start(Path.of("target", "it-postgres"));
      keycloak = kc.join();
    } finally {
      starter.shutdown();
    }
    String run = Long.toHexString(System.nanoTime());
    String database = "apiserver_it_" + run;
    postgres.createDatabase(database);
    platformRealm = "it" + run;
    Map<String, String> config = new java.util.HashMap<>(Map.of(
        "quarkus.datasource.reactive.url", postgres.reactiveUrl(database),
        "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
        "quarkus.datasource.username", postgres.user(),
        "quarkus.datasource.password", postgres.password(),
        "flotilla.keycloak.url", keycloak.url(),
        "flotilla.keycloak.admin-user", keycloak.adminUser(),
        "flotilla.keycloak.admin-password", keycloak.adminPassword(),
        "flotilla.platform.realm", platformRealm,
        // The app creates the run's platform admin itself at start: the bootstrap path is tested too.
        "flotilla.platform.bootstrap-admin-email", ItPlatform.PLATFORM_ADMIN_EMAIL,
        "flotilla.platform.bootstrap-admin-password", "it-" + Long.toHexString(new SecureRandom().nextLong())));
    // The notebook UI's login comes back to the test's random port (NotebookBrowserIT).
    config.put("flotilla.platform.notebook-redirect-uris", "http://localhost:*,http://127.0.0.1:*");
    return config;
  }

  @Override
  public void stop() {
    if (keycloak != null) {
      try {
        new KeycloakTestAdmin(keycloak.url(), keycloak.adminUser(), keycloak.adminPassword())
            .deleteRealmsStartingWith(platformRealm);
      } finally {
        keycloak.close();
      }
    }
    if (postgres != null) {
      postgres.close();
    }
  }
}
