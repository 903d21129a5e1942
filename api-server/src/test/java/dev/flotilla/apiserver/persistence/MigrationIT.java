package dev.flotilla.apiserver.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.deploy.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The migrations upgrade a database that an older api-server left behind: data written at V1
 * survives the move to the latest version, and the new tables appear. Real PostgreSQL.
 */
class MigrationIT {
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() {
    postgres = EmbeddedPostgres.start(Path.of("target", "it-postgres"));
  }

  @AfterAll
  static void stopPostgres() {
    postgres.close();
  }

  @Test
  void migrate_databaseAtV1WithData_upgradedKeepingRows() throws Exception {
    String db = "migration_it_" + Long.toHexString(System.nanoTime());
    postgres.createDatabase(db);
    flyway(db).target("1").load().migrate();
    try (Connection c = connect(db); Statement s = c.createStatement()) {
      s.execute("INSERT INTO tenant VALUES ('00000000-0000-0000-0000-000000000001', 'acme', 'Acme',"
          + " 'SHARED', 'flotilla', 'org-1', now())");
    }

    var result = flyway(db).load().migrate();

    long later;
    try (var files = java.nio.file.Files.list(Path.of("src", "main", "resources", "db", "migration"))) {
      later = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count() - 1;
    }
    assertThat(result.migrationsExecuted).as("every migration after V1").isEqualTo((int) later);
    try (Connection c = connect(db); Statement s = c.createStatement()) {
      ResultSet tenant = s.executeQuery("SELECT slug FROM tenant");
      assertThat(tenant.next()).isTrue();
      assertThat(tenant.getString(1)).isEqualTo("acme");
      ResultSet tables = s.executeQuery("SELECT count(*) FROM information_schema.tables"
          + " WHERE table_name IN ('quota', 'job', 'usage_record', 'job_package', 'job_log_line')");
      tables.next();
      assertThat(tables.getInt(1)).isEqualTo(5);
    }
  }

  private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String db) {
    return Flyway.configure().dataSource(postgres.jdbcUrl(db), postgres.user(), postgres.password());
  }

  private static Connection connect(String db) throws Exception {
    return DriverManager.getConnection(postgres.jdbcUrl(db), postgres.user(), postgres.password());
  }
}
