package dev.flotilla.apiserver;

import dev.flotilla.deploy.embedded.EmbeddedPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * The real servers every api-server IT runs against, started once per test run: an
 * {@link EmbeddedPostgres} (its data under {@code target/it-postgres}, a fresh database name per
 * run so no state leaks between runs).
 */
public class EmbeddedServers implements QuarkusTestResourceLifecycleManager {
  private EmbeddedPostgres postgres;

  @Override
  public Map<String, String> start() {
    postgres = EmbeddedPostgres.start(Path.of("target", "it-postgres"));
    String database = "apiserver_it_" + Long.toHexString(System.nanoTime());
    postgres.createDatabase(database);
    return Map.of(
        "quarkus.datasource.reactive.url", postgres.reactiveUrl(database),
        "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
        "quarkus.datasource.username", postgres.user(),
        "quarkus.datasource.password", postgres.password());
  }

  @Override
  public void stop() {
    if (postgres != null) {
      postgres.close();
    }
  }
}
