package dev.flotilla.apiserver.notebook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.endsWith;

import dev.flotilla.apiserver.EmbeddedServers;
import dev.flotilla.apiserver.ItWorld;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The api-server serves the built notebook UI at / without credentials, and the login
 * configuration of a tenant (issuer, public client, scope naming the organization in shared mode);
 * an unknown tenant's is 404, and the API itself still wants a token.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedServers.class)
class NotebookUiIT {

  @Test
  void root_servesBuiltUi_withoutCredentials() {
    String html = given().get("/").then().statusCode(200).contentType(containsString("text/html"))
        .body(containsString("<title>Flotilla notebook</title>")).extract().asString();
    String script = html.replaceAll("(?s).*src=\"(/assets/[^\"]+\\.js)\".*", "$1");
    given().get(script).then().statusCode(200).body(containsString("flotilla.kernel.v1"));
  }

  @Test
  void loginConfig_perTenant_issuerClientAndScope() {
    ItWorld shared = ItWorld.sharedA();
    given().get("/login-config/" + shared.tenant.name()).then().statusCode(200)
        .body("clientId", equalTo("flotilla-notebook"))
        .body("issuer", endsWith("/realms/" + shared.tenant.realm()))
        .body("scope", equalTo("openid organization:" + shared.tenant.name()));
    ItWorld dedicated = ItWorld.dedicated();
    given().get("/login-config/" + dedicated.tenant.name()).then().statusCode(200)
        .body("issuer", endsWith("/realms/" + dedicated.tenant.realm())).body("scope", equalTo("openid"));
    given().get("/login-config/no-such-tenant").then().statusCode(404).contentType("application/problem+json");
    given().get("/login-config/" + "x".repeat(300)).then().statusCode(404);
    given().get(shared.tenant.path() + "/workspaces/" + shared.workspace + "/notebooks").then().statusCode(401);
  }
}
