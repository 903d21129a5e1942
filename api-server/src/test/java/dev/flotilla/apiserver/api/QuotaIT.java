package dev.flotilla.apiserver.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.flotilla.apiserver.EmbeddedServers;
import dev.flotilla.apiserver.ItPlatform;
import dev.flotilla.apiserver.ItTenant;
import dev.flotilla.apiserver.ItUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Quotas through REST on the real Keycloak and PostgreSQL: the platform admin caps a tenant, its
 * admin caps a workspace within it (never above: 422 naming the field), members read it, every
 * change is audited; usage answers an empty month as JSON and CSV, and a bad month is 422.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedServers.class)
class QuotaIT {

  @Test
  void quotas_setWithinTenantCap_readByMembers_audited() {
    ItTenant t = ItPlatform.createTenant("shared");
    String ws = t.createWorkspace("q");
    ItUser viewer = t.invite(ws, "viewer");
    String admin = t.adminToken();

    given().auth().oauth2(admin).get(t.path() + "/quota").then().statusCode(200)
        .body("maxGpus", nullValue()).body("gpuHoursPerMonth", nullValue());
    put(ItPlatform.platformAdminToken(), t.path() + "/quota", Map.of("maxGpus", 4, "maxCpus", 64, "gpuHoursPerMonth", 100))
        .then().statusCode(200).body("maxGpus", equalTo(4));
    given().auth().oauth2(admin).get(t.path() + "/quota").then().statusCode(200)
        .body("maxCpus", equalTo(64)).body("gpuHoursPerMonth", equalTo(100.0f));

    put(admin, t.path() + "/workspaces/" + ws + "/quota", Map.of("maxGpus", 1, "maxCpus", 8, "gpuHoursPerMonth", 10.5))
        .then().statusCode(200);
    given().auth().oauth2(viewer.token()).get(t.path() + "/workspaces/" + ws + "/quota").then().statusCode(200)
        .body("maxGpus", equalTo(1)).body("maxCpus", equalTo(8)).body("gpuHoursPerMonth", equalTo(10.5f));

    JsonPath over = put(admin, t.path() + "/workspaces/" + ws + "/quota",
        Map.of("maxGpus", 5, "maxCpus", 8, "gpuHoursPerMonth", 1)).then().statusCode(422)
        .contentType("application/problem+json").extract().jsonPath();
    assertThat(over.getList("errors.field")).containsExactly("maxGpus");
    assertThat(over.getString("detail")).contains("exceeds the tenant's quota of 4");
    given().auth().oauth2(viewer.token()).get(t.path() + "/workspaces/" + ws + "/quota").then().body("maxGpus", equalTo(1));

    JsonPath audit = given().auth().oauth2(admin).get(t.path() + "/audit").then().statusCode(200).extract().jsonPath();
    List<String> details = audit.getList("findAll { it.action == 'quota.set' }.detail");
    assertThat(details).containsExactly("maxGpus=1, maxCpus=8, gpuHoursPerMonth=10.5",
        "maxGpus=4, maxCpus=64, gpuHoursPerMonth=100");
    assertThat(audit.getList("findAll { it.action == 'quota.set' }.target", String.class))
        .containsExactly("tenant/" + t.name() + "/workspace/" + ws, "tenant/" + t.name());
  }

  @Test
  void usage_emptyMonth_zeroTotalsJsonAndCsvHeader_badMonth422() {
    ItTenant t = ItPlatform.createTenant("shared");
    String ws = t.createWorkspace("u");
    String path = t.path() + "/workspaces/" + ws;
    given().auth().oauth2(t.adminToken()).queryParam("month", "2026-01").get(path + "/usage").then().statusCode(200)
        .body("month", equalTo("2026-01")).body("gpuSeconds", equalTo(0f)).body("jobs.size()", equalTo(0));
    String csv = given().auth().oauth2(t.adminToken()).accept("text/csv").get(path + "/usage").then().statusCode(200)
        .contentType("text/csv").extract().asString();
    assertThat(csv).isEqualTo("month,workspace,job_id,cpu_seconds,gpu_seconds,first_metered_at,last_metered_at\r\n");
    given().auth().oauth2(t.adminToken()).get(t.path() + "/usage").then().statusCode(200)
        .body("workspaces.size()", equalTo(0));
    for (String bad : List.of("2026-13", "dec", "2026-12-01")) {
      given().auth().oauth2(t.adminToken()).queryParam("month", bad).get(t.path() + "/usage.csv").then().statusCode(422)
          .contentType("application/problem+json").body("errors[0].field", equalTo("month"));
    }
  }

  private static io.restassured.response.Response put(String bearer, String path, Object body) {
    return given().auth().oauth2(bearer).contentType(ContentType.JSON).body(body).put(path);
  }
}
