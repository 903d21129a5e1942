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

  /** The ids of a tenant (by slug) and one of its workspaces (by name): {tenantId, workspaceId}. */
  public static java.util.UUID[] workspaceIds(String tenantSlug, String workspace) {
    String sql = "select t.id, w.id from tenant t join workspace w on w.tenant_id = t.id where t.slug = ? and w.name = ?";
    try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, tenantSlug);
      s.setString(2, workspace);
      try (var rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no workspace " + tenantSlug + "/" + workspace);
        }
        return new java.util.UUID[] {rs.getObject(1, java.util.UUID.class), rs.getObject(2, java.util.UUID.class)};
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
