package dev.flotilla.apiserver.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.flotilla.apiserver.EmbeddedServers;
import dev.flotilla.apiserver.ItPlatform;
import dev.flotilla.apiserver.ItTenant;
import dev.flotilla.apiserver.KeycloakTestAdmin;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A tenant's own OIDC identity provider, configured through the API into the real Keycloak (the
 * upstream is another realm of the same Keycloak, read through its discovery document): linked to
 * the organization with the tenant's e-mail domain (shared), or added to the tenant's realm
 * (dedicated); read back without its secret, replaced, removed, audited.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedServers.class)
class IdentityProviderIT {

  @Test
  void set_shared_providerFromDiscoveryLinkedToOrganizationWithDomain() {
    ItTenant t = ItPlatform.createTenant("shared");
    String admin = t.adminToken();
    KeycloakTestAdmin kc = ItPlatform.keycloak();

    given().auth().oauth2(admin).contentType(ContentType.JSON).body(ItPlatform.identityProvider(t.name(), "top-secret"))
        .put(t.path() + "/identity-provider").then().statusCode(200).body("alias", equalTo("tenant-" + t.name()));

    JsonObject idp = new JsonObject(kc.get("/" + t.realm() + "/identity-provider/instances/tenant-" + t.name()));
    JsonObject config = idp.getJsonObject("config");
    assertThat(config.getString("clientId")).isEqualTo("flotilla-sso");
    assertThat(config.getString("tokenUrl")).endsWith("/realms/" + ItPlatform.platformRealm() + "/protocol/openid-connect/token");
    assertThat(config.getString("kc.org.domain")).isEqualTo(t.name() + ".sso.example");
    JsonObject org = new JsonArray(kc.get("/" + t.realm() + "/organizations?exact=true&search=" + t.name())).getJsonObject(0);
    assertThat(org.getJsonArray("domains").getJsonObject(0).getString("name")).isEqualTo(t.name() + ".sso.example");
    JsonArray linked = new JsonArray(kc.get("/" + t.realm() + "/organizations/" + org.getString("id") + "/identity-providers"));
    assertThat(linked.stream().map(l -> ((JsonObject) l).getString("alias"))).containsExactly("tenant-" + t.name());
    String read = given().auth().oauth2(admin).get(t.path() + "/identity-provider").then().statusCode(200)
        .body("clientId", equalTo("flotilla-sso")).body("domain", equalTo(t.name() + ".sso.example"))
        .extract().asString();
    assertThat(read).doesNotContain("top-secret");
  }

  @Test
  void setAgainThenDelete_dedicated_replacedThenGone() {
    ItTenant t = ItPlatform.createTenant("dedicated");
    String admin = t.adminToken();
    Map<String, Object> body = new HashMap<>(ItPlatform.identityProvider(t.name(), "s1"));
    given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).put(t.path() + "/identity-provider")
        .then().statusCode(200).body("alias", equalTo("sso"));
    body.put("clientId", "other-client");
    given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).put(t.path() + "/identity-provider")
        .then().statusCode(200);

    assertThat(new JsonObject(ItPlatform.keycloak().get("/" + t.realm() + "/identity-provider/instances/sso"))
        .getJsonObject("config").getString("clientId")).isEqualTo("other-client");
    given().auth().oauth2(admin).delete(t.path() + "/identity-provider").then().statusCode(204);
    assertThat(ItPlatform.keycloak().status("/" + t.realm() + "/identity-provider/instances/sso")).isEqualTo(404);
    given().auth().oauth2(admin).get(t.path() + "/identity-provider").then().statusCode(404);
    given().auth().oauth2(admin).delete(t.path() + "/identity-provider").then().statusCode(204);
    given().auth().oauth2(admin).get(t.path() + "/audit").then().statusCode(200)
        .body("action", hasItems("tenant.sso.set", "tenant.sso.delete"));
  }

  @Test
  void set_issuerWithoutDiscovery_422NamingIssuer() {
    ItTenant t = ItPlatform.createTenant("shared");
    Map<String, Object> body = new HashMap<>(ItPlatform.identityProvider(t.name(), "s"));
    body.put("issuer", ItPlatform.keycloakUrl() + "/realms/no-such-realm-here");
    given().auth().oauth2(t.adminToken()).contentType(ContentType.JSON).body(body).put(t.path() + "/identity-provider")
        .then().statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("issuer"));
  }
}
