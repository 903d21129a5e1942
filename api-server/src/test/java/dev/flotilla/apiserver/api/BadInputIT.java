package dev.flotilla.apiserver.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.flotilla.apiserver.EmbeddedServers;
import dev.flotilla.apiserver.ItPlatform;
import dev.flotilla.apiserver.ItWorld;
import dev.flotilla.apiserver.auth.Rule;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Bad input on every endpoint that takes a body (from {@link Endpoints#ALL}), sent by a caller the
 * endpoint admits: oversized (413), malformed JSON (400), an unknown field (400 naming it), a
 * mistyped field (400 naming it), a missing body and invalid values (422 naming every field),
 * the wrong media type (415); all as problem details, never a 5xx. Plus bad path and query values.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedServers.class)
class BadInputIT {
  private static final String PROBLEM = "application/problem+json";

  /** Per endpoint: a body with invalid values, and the fields that must be named. */
  private record Invalid(String json, List<String> fields) {}

  private static final Map<String, Invalid> INVALID = Map.ofEntries(
      Map.entry("PUT /api/v1/tenants/{tenant}/quota", new Invalid(
          "{\"maxGpus\":-1,\"maxCpus\":2000000000,\"gpuHoursPerMonth\":-0.5}",
          List.of("gpuHoursPerMonth", "maxCpus", "maxGpus"))),
      Map.entry("PUT /api/v1/tenants/{tenant}/workspaces/{workspace}/quota", new Invalid(
          "{\"maxGpus\":-3,\"maxCpus\":-1,\"gpuHoursPerMonth\":1e30}",
          List.of("gpuHoursPerMonth", "maxCpus", "maxGpus"))),
      Map.entry("PUT /api/v1/tenants/{tenant}/identity-provider", new Invalid(
          "{\"issuer\":\"ftp://x\",\"clientId\":\"\",\"clientSecret\":\"\",\"domain\":\"NOT A DOMAIN\"}",
          List.of("clientId", "clientSecret", "domain", "issuer"))),
      Map.entry("POST /api/v1/tenants", new Invalid(
          "{\"name\":\"Bad Name!\",\"displayName\":\"\",\"mode\":\"shared\",\"adminEmail\":\"not-an-email\"}",
          List.of("adminEmail", "displayName", "name"))),
      Map.entry("POST /api/v1/tenants/{tenant}/workspaces", new Invalid("{\"name\":\"-x\",\"displayName\":\"\"}",
          List.of("displayName", "name"))),
      Map.entry("PATCH /api/v1/tenants/{tenant}/workspaces/{workspace}", new Invalid("{\"name\":\"UPPER\"}", List.of("name"))),
      Map.entry("POST /api/v1/tenants/{tenant}/workspaces/{workspace}/members", new Invalid(
          "{\"email\":\"nope\",\"role\":\"owner\"}", List.of("email", "role"))),
      Map.entry("PATCH /api/v1/tenants/{tenant}/workspaces/{workspace}/members/{user}", new Invalid("{\"role\":\"owner\"}",
          List.of("role"))),
      Map.entry("POST /api/v1/tenants/{tenant}/workspaces/{workspace}/tokens", new Invalid(
          "{\"name\":\"\",\"expiresInDays\":0}", List.of("expiresInDays", "name"))),
      Map.entry("POST /api/v1/tenants/{tenant}/workspaces/{workspace}/notebooks", new Invalid("{\"name\":\"\"}", List.of("name"))),
      Map.entry("POST /api/v1/tenants/{tenant}/workspaces/{workspace}/notebooks/import", new Invalid("{\"name\":\" \",\"ipynb\":null}", List.of("ipynb", "name"))),
      Map.entry("PATCH /api/v1/tenants/{tenant}/workspaces/{workspace}/notebooks/{notebook}", new Invalid("{\"name\":\"\"}", List.of("name"))),
      Map.entry("POST /api/v1/tenants/{tenant}/workspaces/{workspace}/notebooks/{notebook}/duplicate", new Invalid("{\"name\":\"" + "n".repeat(201) + "\"}", List.of("name"))),
      Map.entry("PUT /api/v1/tenants/{tenant}/workspaces/{workspace}/notebooks/{notebook}/content", new Invalid(
          "{\"baseVersion\":0,\"cells\":[{\"id\":\"\",\"type\":\"python\",\"source\":null}]}",
          List.of("baseVersion", "cells.id", "cells.source", "cells.type"))),
      Map.entry("POST /api/v1/tenants/{tenant}/workspaces/{workspace}/notebooks/{notebook}/versions/{version}/restore", new Invalid("{\"baseVersion\":0}",
          List.of("baseVersion"))));

  @TestFactory
  Stream<DynamicTest> everyBodyEndpoint_badBodies_clearClientErrors() {
    ItWorld w = ItWorld.sharedA();
    Endpoints.Scene scene = new WorldScene(w);
    List<DynamicTest> tests = new ArrayList<>();
    for (Endpoints.Endpoint e : Endpoints.ALL.stream().filter(Endpoints.Endpoint::hasBody).toList()) {
      String bearer = e.rule() == Rule.PLATFORM_ADMIN ? ItPlatform.platformAdminToken() : w.tenant.adminToken();
      String path = e.call().apply(scene).path();
      Invalid invalid = INVALID.get(e.key());
      tests.add(dynamicTest(e.key() + " has an invalid-values case", () -> assertThat(invalid).isNotNull()));
      if (invalid == null) {
        continue;
      }
      // Notebook saves and imports carry outputs (plots, tables): they have a cap of 8 MiB, the rest 64 KiB.
      int over = e.template().endsWith("/content") || e.template().endsWith("/notebooks/import") ? 8 * 1024 * 1024 + 1024 : 70 * 1024;
      tests.add(dynamicTest(e.key() + " oversized -> 413", () ->
          assertThat(send(e.verb(), path, bearer, "{\"name\":\"" + "x".repeat(over) + "\"}").statusCode())
              .isEqualTo(413)));
      tests.add(dynamicTest(e.key() + " malformed -> 400", () ->
          expectProblem(send(e.verb(), path, bearer, "{\"name\": "), 400, List.of())));
      tests.add(dynamicTest(e.key() + " unknown field -> 400", () ->
          expectProblem(send(e.verb(), path, bearer, "{\"bogus\": 1}"), 400, List.of("bogus"))));
      tests.add(dynamicTest(e.key() + " mistyped field -> 400", () ->
          expectProblem(send(e.verb(), path, bearer, "{\"name\": {\"nested\": true}}"), 400, List.of("name"))));
      tests.add(dynamicTest(e.key() + " no body -> 422", () ->
          expectProblem(send(e.verb(), path, bearer, ""), 422, List.of("body"))));
      tests.add(dynamicTest(e.key() + " invalid values -> 422", () ->
          expectProblem(send(e.verb(), path, bearer, invalid.json()), 422, invalid.fields())));
      tests.add(dynamicTest(e.key() + " text/plain -> 415", () ->
          assertThat(given().auth().oauth2(bearer).contentType("text/plain").body("hello").request(e.verb(), path)
              .statusCode()).isEqualTo(415)));
    }
    return tests.stream();
  }

  @Test
  void tenantMode_unknownValue_400NamingMode() {
    String body = "{\"name\":\"okname\",\"displayName\":\"x\",\"mode\":\"private\",\"adminEmail\":\"a@b.example\"}";
    expectProblem(send("POST", "/api/v1/tenants", ItPlatform.platformAdminToken(), body), 400, List.of("mode"));
  }

  @Test
  void auditLimit_notANumberOrOutOfRange_422NamingLimit() {
    ItWorld w = ItWorld.sharedA();
    for (String limit : List.of("abc", "0", "100000")) {
      expectProblem(given().auth().oauth2(w.tenant.adminToken()).queryParam("limit", limit)
          .get(w.tenant.path() + "/audit"), 422, List.of("limit"));
    }
  }

  @Test
  void badPathValues_notFoundNeverServerError() {
    ItWorld w = ItWorld.sharedA();
    String admin = w.tenant.adminToken();
    String ws = w.tenant.path() + "/workspaces/";
    assertThat(given().auth().oauth2(admin).get(ws + "x".repeat(500)).statusCode()).isEqualTo(404);
    assertThat(given().auth().oauth2(admin).get(ws + "UPPER%20case").statusCode()).isEqualTo(404);
    assertThat(given().auth().oauth2(admin).delete(ws + w.workspace + "/tokens/not-a-uuid").statusCode()).isEqualTo(404);
    assertThat(given().auth().oauth2(admin).delete(ws + w.workspace + "/members/" + "y".repeat(300)).statusCode())
        .isEqualTo(404);
  }

  @Test
  void badCredentials_unauthorizedNeverServerError() {
    ItWorld w = ItWorld.sharedA();
    for (String header : List.of("Bearer ", "Bearer flt_", "Basic Zm9vOmJhcg==", "Bearer " + "a.b.c", "flt_x")) {
      assertThat(given().header("Authorization", header).get(w.tenant.path() + "/workspaces").statusCode())
          .as(header).isEqualTo(401);
    }
  }

  private static Response send(String verb, String path, String bearer, String json) {
    return given().auth().oauth2(bearer).contentType("application/json").body(json).request(verb, path);
  }

  private static void expectProblem(Response r, int status, List<String> fields) {
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
    assertThat(r.contentType()).startsWith(PROBLEM);
    assertThat(r.jsonPath().getInt("status")).isEqualTo(status);
    List<String> named = r.jsonPath().getList("errors.field", String.class);
    assertThat(named == null ? List.<String>of() : named).containsAll(fields);
  }
}
