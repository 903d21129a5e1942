package dev.flotilla.apiserver.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.apiserver.EmbeddedServers;
import dev.flotilla.apiserver.ItPlatform;
import dev.flotilla.apiserver.ItWorld;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document, Swagger UI and Prometheus metrics are not public: 401 without
 * credentials; the document for any authenticated caller (and it lists the tenant and workspace
 * paths); metrics for platform admins or the scrape token only (403 for a tenant admin).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedServers.class)
class ObservabilityIT {
  /** {@code %test.flotilla.metrics.token} in application.properties. */
  private static final String SCRAPE_TOKEN = "it-scrape-token";

  @Test
  void openApi_needsCredentials_listsTenantAndWorkspacePaths() {
    given().get("/q/openapi").then().statusCode(401);
    given().get("/q/swagger-ui/").then().statusCode(401);
    ItWorld w = ItWorld.sharedA();
    String doc = given().auth().oauth2(w.memberToken.secret()).accept("application/json").get("/q/openapi")
        .then().statusCode(200).extract().asString();
    assertThat(doc).contains("\"/api/v1/tenants\"", "\"/api/v1/tenants/{tenant}/workspaces/{workspace}\"",
        "\"/api/v1/tenants/{tenant}/workspaces/{workspace}/quota\"", "\"/api/v1/tenants/{tenant}/usage\"");
    given().auth().oauth2(ItPlatform.platformAdminToken()).get("/q/swagger-ui/").then().statusCode(200);
  }

  @Test
  void metrics_platformAdminOrScrapeToken_only() {
    given().get("/q/metrics").then().statusCode(401);
    given().auth().oauth2("not-the-scrape-token").get("/q/metrics").then().statusCode(401);
    given().auth().oauth2(ItWorld.sharedA().tenant.adminToken()).get("/q/metrics").then().statusCode(403);
    String scraped = given().auth().oauth2(SCRAPE_TOKEN).get("/q/metrics")
        .then().statusCode(200).extract().asString();
    assertThat(scraped).contains("flotilla_edge_sessions_open", "flotilla_usage_collector_lag_seconds",
        "http_server_requests_seconds_count");
    given().auth().oauth2(ItPlatform.platformAdminToken()).get("/q/metrics").then().statusCode(200);
  }
}
