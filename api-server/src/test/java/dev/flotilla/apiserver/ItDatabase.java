package dev.flotilla.apiserver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Plain JDBC into the app's database, for what a test cannot get through the API: inspecting
 * stored rows, and moving a token's expiry into the past (the passage of time, without a sleep).
 */
public final class ItDatabase {
  private ItDatabase() {}

  public static Connection connect() throws SQLException {
    var c = ConfigProvider.getConfig();
    return DriverManager.getConnection(c.getValue("quarkus.datasource.jdbc.url", String.class),
        c.getValue("quarkus.datasource.username", String.class), c.getValue("quarkus.datasource.password", String.class));
  }

  /** Runs one parameterised update; returns the row count. */
  public static int update(String sql, Object... args) {
    try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
