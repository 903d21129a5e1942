package dev.flotilla.scheduler.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.deploy.embedded.EmbeddedPostgres;
import dev.flotilla.scheduler.state.ClusterStateStore.ActorRow;
import dev.flotilla.scheduler.state.ClusterStateStore.BundlePlacement;
import dev.flotilla.scheduler.state.ClusterStateStore.GroupRow;
import dev.flotilla.scheduler.state.ClusterStateStore.SessionRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scheduler's state store against a real PostgreSQL: migrations, writes, reads, job ends. */
class JdbcClusterStateStoreIT {
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void start() throws Exception {
    Path dir = Path.of("target", "it-state-postgres").toAbsolutePath();
    Files.createDirectories(dir);
    postgres = EmbeddedPostgres.start(dir);
  }

  @AfterAll
  static void stop() {
    if (postgres != null) {
      postgres.close();
    }
  }

  private static String freshDatabase() {
    String db = "state_it_" + Long.toHexString(System.nanoTime());
    postgres.createDatabase(db);
    return postgres.jdbcUrl(db);
  }

  @Test
  void open_migratesANewDatabase_andReopeningAppliesNothingTwice() throws Exception {
    String url = freshDatabase();
    try (var store = JdbcClusterStateStore.open(url, postgres.user(), postgres.password())) {
      assertThat(store.durable()).isTrue();
      assertThat(store.load()).isEqualTo(new ClusterStateStore.Snapshot(List.of(), List.of(), List.of()));
    }
    JdbcClusterStateStore.open(url, postgres.user(), postgres.password()).close();
    try (var c = DriverManager.getConnection(url, postgres.user(), postgres.password());
        var rs = c.createStatement().executeQuery("SELECT count(*), max(version) FROM scheduler_schema_history")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(SchemaMigrations.scripts().size());
      assertThat(rs.getInt(2)).isEqualTo(SchemaMigrations.scripts().size());
    }
  }

  @Test
  void writes_areReadBackByANewStore_asAfterARestart() {
    String url = freshDatabase();
    byte[] spec = {1, 2, 3};
    try (var store = JdbcClusterStateStore.open(url, postgres.user(), postgres.password())) {
      store.sessionOpened(new SessionRow("s-1", "job-1", true, "driver", "acme", "vision"));
      store.sessionOpened(new SessionRow("s-2", "job-1", false, "executor", "acme", "vision"));
      store.actorSaved(new ActorRow("a-1", "job-1", true, spec, "CREATING", "", 0, 3, "", "acme", "vision"));
      store.actorSaved(new ActorRow("a-1", "job-1", true, spec, "ALIVE", "node-x", 1, 2, "", "acme", "vision"));
      store.groupSaved(new GroupRow("g-1", "job-1", spec, List.of()));
      store.groupSaved(new GroupRow("g-1", "job-1", spec, List.of(new BundlePlacement("node-x", List.of(0)))));
      store.sessionClosed("s-2");
    }
    try (var store = JdbcClusterStateStore.open(url, postgres.user(), postgres.password())) {
      var snap = store.load();
      assertThat(snap.sessions()).containsExactly(new SessionRow("s-1", "job-1", true, "driver", "acme", "vision"));
      assertThat(snap.actors()).singleElement().satisfies(a -> assertThat(a.tenant() + "/" + a.workspace()).isEqualTo("acme/vision"));
      assertThat(snap.actors()).singleElement().satisfies(a -> {
        assertThat(a.state()).isEqualTo("ALIVE");
        assertThat(a.nodeId()).isEqualTo("node-x");
        assertThat(a.incarnation()).isEqualTo(1);
        assertThat(a.restartsLeft()).isEqualTo(2);
        assertThat(a.spec()).containsExactly(spec);
      });
      assertThat(snap.groups()).singleElement()
          .satisfies(g -> assertThat(g.bundles()).containsExactly(new BundlePlacement("node-x", List.of(0))));
    }
  }

  @Test
  void jobEnded_dropsItsSessionsGroupsAndAttachedActors_keepsDetachedOnes() {
    String url = freshDatabase();
    try (var store = JdbcClusterStateStore.open(url, postgres.user(), postgres.password())) {
      store.sessionOpened(new SessionRow("s-1", "job-1", true, "driver", "acme", "vision"));
      store.actorSaved(new ActorRow("attached", "job-1", false, new byte[0], "ALIVE", "n", 0, 0, "", "acme", "vision"));
      store.actorSaved(new ActorRow("detached", "job-1", true, new byte[0], "ALIVE", "n", 0, 0, "", "acme", "vision"));
      store.groupSaved(new GroupRow("g-1", "job-1", new byte[0], List.of()));
      store.jobEnded("job-1");
      var snap = store.load();
      assertThat(snap.sessions()).isEmpty();
      assertThat(snap.groups()).isEmpty();
      assertThat(snap.actors()).extracting(ActorRow::actorId).containsExactly("detached");
    }
  }

  @Test
  void open_unreachableDatabase_failsNamingTheUrl() {
    assertThatThrownBy(() -> JdbcClusterStateStore.open("jdbc:postgresql://127.0.0.1:1/none", "x", "y"))
        .isInstanceOf(StateStoreException.class).hasMessageContaining("127.0.0.1:1/none");
  }
}
