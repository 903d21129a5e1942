package dev.flotilla.apiserver;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the api-server itself, published at {@code /q/health/ready}.
 *
 * <p>It also carries the platform's name and version in its data. The design allows no
 * unauthenticated endpoint besides health and login, so the version lives here rather than
 * behind a separate {@code /api/v1/version} resource.
 *
 * <p>Today the server depends on no external service and is ready as soon as it serves HTTP.
 * Checks for PostgreSQL, Keycloak and the scheduler arrive as their own {@code @Readiness} beans
 * when those connections do; this one stays about the process.
 *
 * <p>Thread-safe and non-blocking: {@link #call()} reads only final fields.
 */
@Readiness
@ApplicationScoped
public class ApiServerReadiness implements HealthCheck {

  /** The check's name as it appears in the {@code checks} array of the health response. */
  public static final String NAME = "api-server";

  /** The product name reported in the check's data. */
  public static final String PRODUCT = "flotilla";

  private final String version;

  /**
   * Creates the check.
   *
   * @param version the platform version, never null; Quarkus fills it from the Maven project
   *     version at build time
   */
  public ApiServerReadiness(
      @ConfigProperty(name = "quarkus.application.version") String version) {
    this.version = Objects.requireNonNull(version, "version");
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named(NAME)
        .up()
        .withData("name", PRODUCT)
        .withData("version", version)
        .build();
  }
}
