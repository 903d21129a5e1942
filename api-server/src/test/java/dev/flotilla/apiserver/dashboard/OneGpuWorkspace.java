package dev.flotilla.apiserver.dashboard;

import static io.restassured.RestAssured.given;

import dev.flotilla.apiserver.ItTenant;
import dev.flotilla.apiserver.ItTokens;
import dev.flotilla.apiserver.ItUser;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;

/**
 * A fresh workspace of a tenant whose quota (set through REST by the tenant admin) allows
 * one GPU at a time, with a member and the member's API token (fresh, so the edge reads the quota).
 */
record OneGpuWorkspace(String name, ItUser member, String token) {
  static OneGpuWorkspace create(ItTenant tenant, Integer gpuHoursPerMonth) {
    String ws = tenant.createWorkspace("dash");
    Map<String, Object> quota = new HashMap<>();
    quota.put("maxGpus", 1);
    quota.put("gpuHoursPerMonth", gpuHoursPerMonth);
    given().auth().oauth2(tenant.adminToken()).contentType(ContentType.JSON).body(quota)
        .put(tenant.path() + "/workspaces/" + ws + "/quota").then().statusCode(200);
    ItUser member = tenant.invite(ws, "member");
    return new OneGpuWorkspace(ws, member, ItTokens.create(member.token(), tenant.name(), ws).secret());
  }
}
