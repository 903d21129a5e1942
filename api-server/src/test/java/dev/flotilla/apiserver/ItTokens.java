package dev.flotilla.apiserver;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;

/** Creating API tokens through the API, as a logged-in user. */
public final class ItTokens {
  private ItTokens() {}

  /** A created token: its id and its secret (shown once). */
  public record Created(String id, String secret) {}

  public static Created create(String bearer, String tenant, String workspace) {
    Response r = given().auth().oauth2(bearer).contentType(ContentType.JSON)
        .body(Map.of("name", ItPlatform.unique("token"))).post("/api/v1/tenants/" + tenant + "/workspaces/" + workspace + "/tokens");
    if (r.statusCode() != 201) {
      throw new AssertionError("token creation answered " + r.statusCode() + ": " + r.asString());
    }
    return new Created(r.path("id"), r.path("token"));
  }
}
