package dev.flotilla.apiserver.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.apiserver.EmbeddedServers;
import dev.flotilla.apiserver.ItPlatform;
import dev.flotilla.apiserver.ItTenant;
import dev.flotilla.apiserver.ItTokens;
import dev.flotilla.apiserver.ItUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every administrative action leaves an audit row (who, what, when, from where) that the tenant's
 * admin reads, newest first; another tenant's actions never appear in it.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedServers.class)
class AuditIT {

  @Test
  void adminActions_recorded_readableByTenantAdmin() {
    ItTenant t = ItPlatform.createTenant("shared");
    ItTenant other = ItPlatform.createTenant("shared");
    String admin = t.adminToken();
    String ws = t.createWorkspace("audited");
    ItUser user = t.invite(ws, "member");
    given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("role", "admin"))
        .patch(t.path() + "/workspaces/" + ws + "/members/" + user.id()).then().statusCode(200);
    ItTokens.Created token = ItTokens.create(user.token(), t.name(), ws);
    given().auth().oauth2(user.token()).delete(t.path() + "/workspaces/" + ws + "/tokens/" + token.id()).then().statusCode(204);
    given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("displayName", "Renamed"))
        .patch(t.path() + "/workspaces/" + ws).then().statusCode(200);
    given().auth().oauth2(admin).delete(t.path() + "/workspaces/" + ws + "/members/" + user.id()).then().statusCode(204);
    given().auth().oauth2(admin).delete(t.path() + "/workspaces/" + ws).then().statusCode(204);
    other.createWorkspace("not-here");

    JsonPath events = given().auth().oauth2(admin).get(t.path() + "/audit").then().statusCode(200).extract().jsonPath();

    List<String> actions = events.getList("action");
    assertThat(actions).containsExactly("workspace.delete", "member.remove", "workspace.update", "token.revoke",
        "token.create", "member.role", "member.invite", "workspace.create", "tenant.create");
    assertThat(events.getList("remoteAddress", String.class)).allMatch(a -> a.equals("127.0.0.1"));
    assertThat(events.getList("at")).doesNotContainNull();
    assertThat(events.getString("find { it.action == 'tenant.create' }.actor")).startsWith("platform-admin@it.example");
    assertThat(events.getString("find { it.action == 'workspace.create' }.actor")).startsWith(t.adminEmail());
    assertThat(events.getString("find { it.action == 'token.create' }.actor")).startsWith(user.email());
    assertThat(events.getString("find { it.action == 'member.role' }.detail")).isEqualTo("member -> admin");
    assertThat(events.getList("target", String.class)).allMatch(target -> target.startsWith("tenant/" + t.name()));
  }

  @Test
  void audit_limit_newestOnly() {
    ItTenant t = ItPlatform.createTenant("shared");
    t.createWorkspace("first");
    given().auth().oauth2(t.adminToken()).queryParam("limit", 1).get(t.path() + "/audit").then().statusCode(200)
        .body("size()", org.hamcrest.Matchers.equalTo(1))
        .body("[0].action", org.hamcrest.Matchers.equalTo("workspace.create"));
  }
}
