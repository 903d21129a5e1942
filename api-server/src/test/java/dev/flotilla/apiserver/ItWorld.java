package dev.flotilla.apiserver;

/**
 * A populated tenant shared by the role-matrix and isolation ITs (built once per run and mode):
 * a workspace with an admin, a member (with an API token) and a viewer, and an outsider who has a
 * role only in another workspace of the same tenant; and its own identity provider (SSO).
 */
public final class ItWorld {
  private static ItWorld sharedA;
  private static ItWorld sharedB;
  private static ItWorld dedicated;

  public final ItTenant tenant;
  public final String workspace;
  public final ItUser admin;
  public final ItUser member;
  public final ItUser viewer;
  public final ItUser outsider;
  public final ItTokens.Created memberToken;
  /** A notebook of {@link #workspace}, created by its member. */
  public final String notebook;
  /** The client secret of the tenant's identity provider (never to be answered to anyone). */
  public final String ssoSecret = "sso-" + java.util.UUID.randomUUID();

  private ItWorld(String mode) {
    tenant = ItPlatform.createTenant(mode);
    workspace = tenant.createWorkspace("main");
    admin = tenant.invite(workspace, "admin");
    member = tenant.invite(workspace, "member");
    viewer = tenant.invite(workspace, "viewer");
    outsider = tenant.invite(tenant.createWorkspace("side"), "admin");
    memberToken = ItTokens.create(member.token(), tenant.name(), workspace);
    notebook = dev.flotilla.apiserver.api.ItNotebooks.create(member.token(), tenant.name(), workspace, "lasting");
    io.restassured.RestAssured.given().auth().oauth2(tenant.adminToken()).contentType(io.restassured.http.ContentType.JSON)
        .body(ItPlatform.identityProvider(tenant.name(), ssoSecret)).put(tenant.path() + "/identity-provider")
        .then().statusCode(200);
  }

  /** A shared tenant. */
  public static synchronized ItWorld sharedA() {
    if (sharedA == null) {
      sharedA = new ItWorld("shared");
    }
    return sharedA;
  }

  /** Another shared tenant (same realm as {@link #sharedA}, another organization). */
  public static synchronized ItWorld sharedB() {
    if (sharedB == null) {
      sharedB = new ItWorld("shared");
    }
    return sharedB;
  }

  /** A dedicated tenant (a realm of its own). */
  public static synchronized ItWorld dedicated() {
    if (dedicated == null) {
      dedicated = new ItWorld("dedicated");
    }
    return dedicated;
  }
}
