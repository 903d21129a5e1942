package dev.flotilla.apiserver.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.flotilla.apiserver.EmbeddedServers;
import dev.flotilla.apiserver.ItDatabase;
import dev.flotilla.apiserver.ItPlatform;
import dev.flotilla.apiserver.ItTenant;
import dev.flotilla.apiserver.ItTokens;
import dev.flotilla.apiserver.ItUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * API tokens end to end: created by a member (secret shown once, only its SHA-256 stored), used as
 * a bearer inside its own workspace only, listed without the secret, revoked (then 401), expired
 * (then 401), and dead once the owner leaves the workspace.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedServers.class)
class ApiTokenIT {
  private ItTenant tenant;
  private String ws;
  private ItUser member;

  @BeforeEach
  void tenantWithMember() {
    if (tenant == null) {
      tenant = ItPlatform.createTenant("shared");
    }
    ws = tenant.createWorkspace("tok");
    member = tenant.invite(ws, "member");
  }

  @Test
  void create_member_shownOnceStoredAsHashUsableInWorkspace() throws Exception {
    ItTokens.Created token = ItTokens.create(member.token(), tenant.name(), ws);

    assertThat(token.secret()).startsWith("flt_").hasSizeGreaterThan(40);
    given().auth().oauth2(token.secret()).get(tenant.path() + "/workspaces/" + ws).then().statusCode(200)
        .body("name", equalTo(ws));
    try (Connection c = ItDatabase.connect();
        PreparedStatement s = c.prepareStatement("SELECT token_hash, prefix FROM api_token WHERE id = ?")) {
      s.setObject(1, UUID.fromString(token.id()));
      ResultSet row = s.executeQuery();
      assertThat(row.next()).isTrue();
      assertThat(row.getBytes(1)).isEqualTo(MessageDigest.getInstance("SHA-256").digest(token.secret().getBytes()));
      assertThat(token.secret()).startsWith(row.getString(2)).isNotEqualTo(row.getString(2));
    }
  }

  @Test
  void list_member_ownTokensWithoutSecret() {
    ItTokens.Created token = ItTokens.create(member.token(), tenant.name(), ws);
    String listed = given().auth().oauth2(member.token()).get(tenant.path() + "/workspaces/" + ws + "/tokens")
        .then().statusCode(200).body("id", hasItem(token.id())).extract().asString();
    assertThat(listed).doesNotContain(token.secret()).doesNotContain("tokenHash");
  }

  @Test
  void revoke_token_thenUnauthorizedAndListedAsRevoked() {
    ItTokens.Created token = ItTokens.create(member.token(), tenant.name(), ws);
    given().auth().oauth2(member.token()).delete(tenant.path() + "/workspaces/" + ws + "/tokens/" + token.id())
        .then().statusCode(204);

    given().auth().oauth2(token.secret()).get(tenant.path() + "/workspaces/" + ws).then().statusCode(401);
    given().auth().oauth2(member.token()).get(tenant.path() + "/workspaces/" + ws + "/tokens").then().statusCode(200)
        .body("find { it.id == '" + token.id() + "' }.revokedAt", notNullValue());
  }

  @Test
  void expired_token_unauthorized() {
    ItTokens.Created token = ItTokens.create(member.token(), tenant.name(), ws);
    given().auth().oauth2(token.secret()).get(tenant.path() + "/workspaces/" + ws).then().statusCode(200);

    int moved = ItDatabase.update("UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = ?",
        UUID.fromString(token.id()));

    assertThat(moved).isEqualTo(1);
    given().auth().oauth2(token.secret()).get(tenant.path() + "/workspaces/" + ws).then().statusCode(401);
  }

  @Test
  void token_outsideItsWorkspaceOrOnAdminEndpoints_forbidden() {
    String other = tenant.createWorkspace("elsewhere");
    ItTokens.Created token = ItTokens.create(tenant.adminToken(), tenant.name(), ws);

    given().auth().oauth2(token.secret()).get(tenant.path() + "/workspaces/" + other).then().statusCode(403);
    given().auth().oauth2(token.secret()).get(tenant.path() + "/workspaces").then().statusCode(403);
    given().auth().oauth2(token.secret()).get(tenant.path() + "/audit").then().statusCode(403);
    given().auth().oauth2(token.secret()).contentType(ContentType.JSON).body(Map.of("name", "minted"))
        .post(tenant.path() + "/workspaces/" + ws + "/tokens").then().statusCode(403);
    given().auth().oauth2(token.secret()).get("/api/v1/tenants").then().statusCode(403);
  }

  @Test
  void removedMember_tokens_unauthorized() {
    ItTokens.Created token = ItTokens.create(member.token(), tenant.name(), ws);
    given().auth().oauth2(tenant.adminToken()).delete(tenant.path() + "/workspaces/" + ws + "/members/" + member.id())
        .then().statusCode(204);
    given().auth().oauth2(token.secret()).get(tenant.path() + "/workspaces/" + ws).then().statusCode(401);
  }

  @Test
  void revoke_othersToken_notFoundForMemberAllowedForAdmin() {
    ItUser second = tenant.invite(ws, "member");
    ItTokens.Created token = ItTokens.create(member.token(), tenant.name(), ws);
    String path = tenant.path() + "/workspaces/" + ws + "/tokens";

    given().auth().oauth2(second.token()).get(path).then().statusCode(200).body("id", not(hasItem(token.id())));
    given().auth().oauth2(second.token()).delete(path + "/" + token.id()).then().statusCode(404);
    given().auth().oauth2(token.secret()).get(tenant.path() + "/workspaces/" + ws).then().statusCode(200);
    given().auth().oauth2(tenant.adminToken()).get(path).then().statusCode(200)
        .body("find { it.id == '" + token.id() + "' }.revokedAt", nullValue());
    given().auth().oauth2(tenant.adminToken()).delete(path + "/" + token.id()).then().statusCode(204);
    given().auth().oauth2(token.secret()).get(tenant.path() + "/workspaces/" + ws).then().statusCode(401);
  }

  @Test
  void malformedOrUnknownApiToken_unauthorized() {
    given().auth().oauth2("flt_" + "x".repeat(43)).get(tenant.path() + "/workspaces/" + ws).then().statusCode(401);
    given().auth().oauth2("flt_not valid!").get(tenant.path() + "/workspaces/" + ws).then().statusCode(401);
  }
}
