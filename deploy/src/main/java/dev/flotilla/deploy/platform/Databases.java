package dev.flotilla.deploy.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Creates the platform's databases on a PostgreSQL server when they are missing. Blocking. */
final class Databases {
  private Databases() {}

  /** Creates each of {@code names} (plain lower-case identifiers) unless it exists. */
  static void ensure(PlatformSettings.Database db, String... names) {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl("postgres"), db.user(), db.password());
        PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      for (String name : names) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
          throw new IllegalArgumentException("not a plain database name: " + name);
        }
        exists.setString(1, name);
        if (!exists.executeQuery().next()) {
          try (var create = c.createStatement()) {
            create.execute("CREATE DATABASE " + name);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot prepare databases on " + db + ": " + e.getMessage(), e);
    }
  }
}
