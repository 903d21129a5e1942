package dev.flotilla.scheduler.state;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Versioned schema migrations for the scheduler's database: the scripts listed in {@code
 * db/scheduler/migrations.txt} ({@code V<n>__<what>.sql}) run once each, in order, each in its own
 * transaction, and are recorded in {@code scheduler_schema_history}; an existing database is
 * upgraded in place. A PostgreSQL advisory lock keeps two schedulers from migrating at once.
 * (Dependency-free on purpose: Flyway's artifacts here drag in repositories CI cannot reach.)
 */
final class SchemaMigrations {
  private static final String DIR = "db/scheduler/";
  private static final long LOCK_KEY = 0x466c6f74696c6c61L; // "Flotilla"

  private SchemaMigrations() {}

  /** Applies what is missing; returns how many scripts ran. */
  static int migrate(Connection c) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    try (Statement st = c.createStatement()) {
      st.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
      st.execute("CREATE TABLE IF NOT EXISTS scheduler_schema_history (version INTEGER PRIMARY KEY,"
          + " script TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
      int current;
      try (var rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM scheduler_schema_history")) {
        rs.next();
        current = rs.getInt(1);
      }
      int applied = 0;
      c.setAutoCommit(false);
      for (String script : scripts()) {
        int version = version(script);
        if (version <= current) {
          continue;
        }
        try (Statement m = c.createStatement()) {
          m.execute(read(script));
          try (var ins = c.prepareStatement("INSERT INTO scheduler_schema_history (version, script) VALUES (?, ?)")) {
            ins.setInt(1, version);
            ins.setString(2, script);
            ins.executeUpdate();
          }
          c.commit();
          applied++;
        } catch (SQLException e) {
          c.rollback();
          throw new SQLException("migration " + script + " failed: " + e.getMessage(), e);
        }
      }
      return applied;
    } finally {
      c.setAutoCommit(autoCommit);
      try (Statement st = c.createStatement()) {
        st.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
      }
    }
  }

  static List<String> scripts() {
    List<String> out = new ArrayList<>();
    for (String line : read("migrations.txt").split("\n")) {
      String l = line.strip();
      if (!l.isEmpty() && !l.startsWith("#")) {
        out.add(l);
      }
    }
    int last = 0;
    for (String s : out) {
      int v = version(s);
      if (v != last + 1) {
        throw new IllegalStateException("migrations must be numbered 1, 2, 3, ...: " + s + " follows V" + last);
      }
      last = v;
    }
    return out;
  }

  static int version(String script) {
    int sep = script.indexOf("__");
    if (!script.startsWith("V") || sep < 2 || !script.endsWith(".sql")) {
      throw new IllegalStateException("not a migration script name (V<n>__<what>.sql): " + script);
    }
    return Integer.parseInt(script.substring(1, sep));
  }

  private static String read(String name) {
    try (InputStream in = SchemaMigrations.class.getClassLoader().getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DIR + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DIR + name, e);
    }
  }
}
