package dev.flotilla.scheduler.state;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The cluster state in PostgreSQL, through JDBC: one connection, auto-commit, so each write is
 * durable when its call returns. The schema is migrated at open ({@link SchemaMigrations}); an
 * existing database is upgraded in place. A broken connection
 * is reopened once per write before the write fails with {@link StateStoreException}.
 */
public final class JdbcClusterStateStore implements ClusterStateStore {
  private static final Logger LOG = Logger.getLogger(JdbcClusterStateStore.class.getName());

  private final String url;
  private final String user;
  private final String password;
  private Connection connection;

  private JdbcClusterStateStore(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /** Connects and migrates the schema; fails with a clear message if the database is unusable. */
  public static JdbcClusterStateStore open(String url, String user, String password) {
    var store = new JdbcClusterStateStore(url, user, password);
    int applied;
    try {
      applied = SchemaMigrations.migrate(store.connection());
    } catch (SQLException e) {
      store.close();
      throw new StateStoreException("cannot migrate the scheduler's database at " + url + ": " + e.getMessage(), e);
    }
    LOG.info(() -> "scheduler state in PostgreSQL at " + url + " (" + applied + " migration(s) applied)");
    return store;
  }

  private synchronized Connection connection() {
    try {
      if (connection == null || connection.isClosed()) {
        connection = DriverManager.getConnection(url, user, password);
        connection.setAutoCommit(true);
      }
      return connection;
    } catch (SQLException e) {
      throw new StateStoreException("cannot connect to the scheduler's database at " + url + ": " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface Write {
    void run(Connection c) throws SQLException;
  }

  private synchronized void write(String what, Write w) {
    SQLException last = null;
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        w.run(connection());
        return;
      } catch (SQLException e) {
        last = e;
        closeQuietly();
      }
    }
    throw new StateStoreException("cannot save " + what + ": " + last.getMessage(), last);
  }

  private void closeQuietly() {
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException ignored) {
      // reopened on the next write
    }
    connection = null;
  }

  @Override
  public synchronized Snapshot load() {
    try {
      Connection c = connection();
      List<SessionRow> sessions = new ArrayList<>();
      try (var st = c.prepareStatement("SELECT session_id, job_id, driver, client_name, tenant, workspace FROM sessions"
          + " ORDER BY opened_at"); ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          sessions.add(new SessionRow(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4), rs.getString(5),
              rs.getString(6)));
        }
      }
      List<ActorRow> actors = new ArrayList<>();
      try (var st = c.prepareStatement("SELECT actor_id, job_id, detached, spec, state, node_id, incarnation,"
          + " restarts_left, death_reason, tenant, workspace FROM actors ORDER BY updated_at"); ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          actors.add(new ActorRow(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBytes(4), rs.getString(5),
              rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getString(9), rs.getString(10), rs.getString(11)));
        }
      }
      List<GroupRow> groups = new ArrayList<>();
      try (var st = c.prepareStatement("SELECT group_id, job_id, spec, bundles FROM placement_groups ORDER BY updated_at");
          ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          groups.add(new GroupRow(rs.getString(1), rs.getString(2), rs.getBytes(3), BundleCodec.decode(rs.getString(4))));
        }
      }
      return new Snapshot(sessions, actors, groups);
    } catch (SQLException e) {
      throw new StateStoreException("cannot read the scheduler's state: " + e.getMessage(), e);
    }
  }

  @Override
  public void sessionOpened(SessionRow s) {
    write("session " + s.sessionId(), c -> {
      if (s.driver()) {
        try (PreparedStatement st = c.prepareStatement(
            "INSERT INTO jobs (job_id, client_name, tenant, workspace) VALUES (?, ?, ?, ?) ON CONFLICT (job_id) DO NOTHING")) {
          st.setString(1, s.jobId());
          st.setString(2, s.clientName());
          st.setString(3, s.tenant());
          st.setString(4, s.workspace());
          st.executeUpdate();
        }
      }
      try (PreparedStatement st = c.prepareStatement("INSERT INTO sessions (session_id, job_id, driver, client_name,"
          + " tenant, workspace) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (session_id) DO NOTHING")) {
        st.setString(1, s.sessionId());
        st.setString(2, s.jobId());
        st.setBoolean(3, s.driver());
        st.setString(4, s.clientName());
        st.setString(5, s.tenant());
        st.setString(6, s.workspace());
        st.executeUpdate();
      }
    });
  }

  @Override
  public void sessionClosed(String sessionId) {
    write("closing session " + sessionId, c -> update(c, "DELETE FROM sessions WHERE session_id = ?", sessionId));
  }

  @Override
  public void jobEnded(String jobId) {
    write("the end of job " + jobId, c -> {
      update(c, "DELETE FROM sessions WHERE job_id = ?", jobId);
      update(c, "DELETE FROM placement_groups WHERE job_id = ?", jobId);
      update(c, "DELETE FROM actors WHERE job_id = ? AND NOT detached", jobId);
      update(c, "UPDATE jobs SET ended_at = now() WHERE job_id = ?", jobId);
    });
  }

  @Override
  public void actorSaved(ActorRow a) {
    write("actor " + a.actorId(), c -> {
      try (PreparedStatement st = c.prepareStatement("INSERT INTO actors (actor_id, job_id, detached, spec, state,"
          + " node_id, incarnation, restarts_left, death_reason, tenant, workspace) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (actor_id) DO UPDATE SET state = EXCLUDED.state, node_id = EXCLUDED.node_id,"
          + " incarnation = EXCLUDED.incarnation, restarts_left = EXCLUDED.restarts_left,"
          + " death_reason = EXCLUDED.death_reason, updated_at = now()")) {
        st.setString(1, a.actorId());
        st.setString(2, a.jobId());
        st.setBoolean(3, a.detached());
        st.setBytes(4, a.spec());
        st.setString(5, a.state());
        st.setString(6, a.nodeId());
        st.setInt(7, a.incarnation());
        st.setInt(8, a.restartsLeft());
        st.setString(9, a.deathReason());
        st.setString(10, a.tenant());
        st.setString(11, a.workspace());
        st.executeUpdate();
      }
    });
  }

  @Override
  public void actorRemoved(String actorId) {
    write("removing actor " + actorId, c -> update(c, "DELETE FROM actors WHERE actor_id = ?", actorId));
  }

  @Override
  public void groupSaved(GroupRow g) {
    write("placement group " + g.groupId(), c -> {
      try (PreparedStatement st = c.prepareStatement("INSERT INTO placement_groups (group_id, job_id, spec, bundles)"
          + " VALUES (?, ?, ?, ?) ON CONFLICT (group_id) DO UPDATE SET bundles = EXCLUDED.bundles, updated_at = now()")) {
        st.setString(1, g.groupId());
        st.setString(2, g.jobId());
        st.setBytes(3, g.spec());
        st.setString(4, BundleCodec.encode(g.bundles()));
        st.executeUpdate();
      }
    });
  }

  @Override
  public void groupRemoved(String groupId) {
    write("removing placement group " + groupId, c -> update(c, "DELETE FROM placement_groups WHERE group_id = ?", groupId));
  }

  private static void update(Connection c, String sql, String arg) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(sql)) {
      st.setString(1, arg);
      st.executeUpdate();
    }
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public synchronized void close() {
    closeQuietly();
  }
}
