package dev.flotilla.deploy.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresIT {
  private Path base;
  private EmbeddedPostgres pg;

  @BeforeEach
  void setUp() throws Exception {
    // Under /tmp (searchable by all) so that a root test run can hand it to 'nobody'.
    base = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "pg-it-");
    Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @AfterEach
  void tearDown() throws Exception {
    if (pg != null) {
      pg.close();
    }
    try (var paths = Files.walk(base)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Test
  void start_firstTime_initialisesAndAcceptsPasswordConnections() throws SQLException {
    pg = EmbeddedPostgres.start(base.resolve("pg"), base.resolve("cache"));
    pg.createDatabase("things");
    pg.createDatabase("things"); // idempotent
    try (Connection c = connect("things")) {
      c.createStatement().execute("CREATE TABLE t (v text)");
      c.createStatement().execute("INSERT INTO t VALUES ('kept')");
    }
    assertThat(pg.jdbcUrl("things")).isEqualTo("jdbc:postgresql://127.0.0.1:" + pg.port() + "/things");
    assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl("things"), "flotilla", "wrong"))
        .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
  }

  @Test
  void start_afterStopAndAfterCrash_keepsCommittedData() throws SQLException {
    pg = EmbeddedPostgres.start(base.resolve("pg"), base.resolve("cache"));
    pg.createDatabase("things");
    try (Connection c = connect("things")) {
      c.createStatement().execute("CREATE TABLE t (v text)");
      c.createStatement().execute("INSERT INTO t VALUES ('one')");
    }
    pg.close();
    pg = EmbeddedPostgres.start(base.resolve("pg"), base.resolve("cache"));
    try (Connection c = connect("things")) {
      c.createStatement().execute("INSERT INTO t VALUES ('two')");
    }
    pg.crash();
    pg = EmbeddedPostgres.start(base.resolve("pg"), base.resolve("cache"));
    try (Connection c = connect("things"); ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM t")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(2);
    }
  }

  @Test
  void start_whileRunning_reusesTheServer() {
    pg = EmbeddedPostgres.start(base.resolve("pg"), base.resolve("cache"));
    EmbeddedPostgres again = EmbeddedPostgres.start(base.resolve("pg"), base.resolve("cache"));
    assertThat(again.port()).isEqualTo(pg.port());
    assertThat(again.password()).isEqualTo(pg.password());
  }

  @Test
  void createDatabase_badName_isRejected() {
    pg = EmbeddedPostgres.start(base.resolve("pg"), base.resolve("cache"));
    assertThatThrownBy(() -> pg.createDatabase("x; DROP DATABASE postgres"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("database name must match");
  }

  private Connection connect(String db) throws SQLException {
    return DriverManager.getConnection(pg.jdbcUrl(db), pg.user(), pg.password());
  }
}
