package dev.flotilla.apiserver.api;

import dev.flotilla.apiserver.ItPlatform;
import dev.flotilla.apiserver.auth.Rule;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The catalogue of every endpoint with its access rule and how to build a valid call against a
 * {@link Scene}. {@code EndpointCatalogIT} checks it against {@link ResourceMethods}: an endpoint
 * added to the server but not here fails the build, and so does a rule that differs.
 */
public final class Endpoints {
  private Endpoints() {}

  /** The resources a call is aimed at. Role-matrix scenes make fresh ones; an attacked tenant's scene gives its own. */
  public interface Scene {
    String tenant();

    String workspace();

    /** A workspace that may be renamed or deleted. */
    String disposableWorkspace();

    /** The id of a member of {@link #workspace()} whose role may change or who may be removed. */
    String disposableMember();

    /** The id of an invitation into {@link #workspace()} (one that may be resent). */
    String invitation();

    /** The id of an API token in {@link #workspace()} owned by its plain member. */
    String memberToken();

    /** A tenant that may be deleted. */
    String disposableTenant();

    /** The id of a notebook in {@link #workspace()} at version 1 that may be changed or deleted. */
    String notebook();

    /** The id of a job in {@link #workspace()} (one that may be stopped). */
    String job();
  }

  /** A concrete request; body null for none; a multipart request has parts instead (else empty). */
  public record Call(String verb, String path, Map<String, Object> body, List<Part> parts) {
    public Call(String verb, String path, Map<String, Object> body) {
      this(verb, path, body, List.of());
    }
  }

  /** One part of a multipart/form-data request. */
  public record Part(String name, String fileName, String mimeType, byte[] content) {}

  /** {@code json}: whether the endpoint takes a JSON body (the bad-input walk sends it bad ones). */
  public record Endpoint(String verb, String template, Rule rule, Function<Scene, Call> call, boolean json) {
    public Endpoint(String verb, String template, Rule rule, Function<Scene, Call> call) {
      this(verb, template, rule, call, verb.equals("POST") || verb.equals("PATCH") || verb.equals("PUT"));
    }

    public String key() {
      return verb + " " + template;
    }

    /** Whether the endpoint takes a JSON body. */
    public boolean hasBody() {
      return json;
    }
  }

  private static final String T = "/api/v1/tenants";
  private static final String W = T + "/{tenant}/workspaces/{workspace}";
  private static final String NB = W + "/notebooks";

  public static final List<Endpoint> ALL = List.of(
      new Endpoint("POST", T, Rule.PLATFORM_ADMIN, s -> new Call("POST", T, newTenant())),
      new Endpoint("GET", T, Rule.PLATFORM_ADMIN, s -> new Call("GET", T, null)),
      new Endpoint("GET", T + "/{tenant}", Rule.PLATFORM_ADMIN, s -> new Call("GET", T + "/" + s.tenant(), null)),
      new Endpoint("DELETE", T + "/{tenant}", Rule.PLATFORM_ADMIN,
          s -> new Call("DELETE", T + "/" + s.disposableTenant(), null)),
      new Endpoint("POST", T + "/{tenant}/workspaces", Rule.TENANT_ADMIN,
          s -> new Call("POST", tenant(s) + "/workspaces", newWorkspace())),
      new Endpoint("GET", T + "/{tenant}/workspaces", Rule.TENANT_ADMIN,
          s -> new Call("GET", tenant(s) + "/workspaces", null)),
      new Endpoint("GET", W, Rule.WORKSPACE_VIEWER, s -> new Call("GET", ws(s, s.workspace()), null)),
      new Endpoint("PATCH", W, Rule.TENANT_ADMIN,
          s -> new Call("PATCH", ws(s, s.disposableWorkspace()), Map.of("displayName", "Renamed"))),
      new Endpoint("DELETE", W, Rule.TENANT_ADMIN, s -> new Call("DELETE", ws(s, s.disposableWorkspace()), null)),
      new Endpoint("POST", W + "/members", Rule.WORKSPACE_ADMIN,
          s -> new Call("POST", ws(s, s.workspace()) + "/members", newMember(s))),
      new Endpoint("GET", W + "/members", Rule.WORKSPACE_ADMIN,
          s -> new Call("GET", ws(s, s.workspace()) + "/members", null)),
      new Endpoint("PATCH", W + "/members/{user}", Rule.WORKSPACE_ADMIN,
          s -> new Call("PATCH", ws(s, s.workspace()) + "/members/" + s.disposableMember(), Map.of("role", "viewer"))),
      new Endpoint("DELETE", W + "/members/{user}", Rule.WORKSPACE_ADMIN,
          s -> new Call("DELETE", ws(s, s.workspace()) + "/members/" + s.disposableMember(), null)),
      new Endpoint("GET", W + "/invitations", Rule.WORKSPACE_ADMIN,
          s -> new Call("GET", ws(s, s.workspace()) + "/invitations", null)),
      new Endpoint("POST", W + "/invitations/{invitation}/resend", Rule.WORKSPACE_ADMIN,
          s -> new Call("POST", ws(s, s.workspace()) + "/invitations/" + s.invitation() + "/resend", null), false),
      new Endpoint("POST", W + "/tokens", Rule.WORKSPACE_MEMBER,
          s -> new Call("POST", ws(s, s.workspace()) + "/tokens", Map.of("name", ItPlatform.unique("tok")))),
      new Endpoint("GET", W + "/tokens", Rule.WORKSPACE_MEMBER,
          s -> new Call("GET", ws(s, s.workspace()) + "/tokens", null)),
      new Endpoint("DELETE", W + "/tokens/{token}", Rule.WORKSPACE_MEMBER,
          s -> new Call("DELETE", ws(s, s.workspace()) + "/tokens/" + s.memberToken(), null)),
      new Endpoint("GET", T + "/{tenant}/audit", Rule.TENANT_ADMIN, s -> new Call("GET", tenant(s) + "/audit", null)),
      new Endpoint("PUT", T + "/{tenant}/identity-provider", Rule.TENANT_ADMIN,
          s -> new Call("PUT", tenant(s) + "/identity-provider", ItPlatform.identityProvider(s.tenant(), "matrix-secret"))),
      new Endpoint("GET", T + "/{tenant}/identity-provider", Rule.TENANT_ADMIN,
          s -> new Call("GET", tenant(s) + "/identity-provider", null)),
      new Endpoint("DELETE", T + "/{tenant}/identity-provider", Rule.TENANT_ADMIN,
          s -> new Call("DELETE", tenant(s) + "/identity-provider", null)),
      new Endpoint("POST", NB, Rule.WORKSPACE_MEMBER,
          s -> new Call("POST", notebooks(s), Map.of("name", ItPlatform.unique("nb")))),
      new Endpoint("GET", NB, Rule.WORKSPACE_VIEWER, s -> new Call("GET", notebooks(s), null)),
      new Endpoint("POST", NB + "/import", Rule.WORKSPACE_MEMBER,
          s -> new Call("POST", notebooks(s) + "/import", Map.of("name", "imported", "ipynb", ItNotebooks.ipynb()))),
      new Endpoint("GET", NB + "/{notebook}", Rule.WORKSPACE_VIEWER,
          s -> new Call("GET", notebooks(s) + "/" + s.notebook(), null)),
      new Endpoint("PATCH", NB + "/{notebook}", Rule.WORKSPACE_MEMBER,
          s -> new Call("PATCH", notebooks(s) + "/" + s.notebook(), Map.of("name", "renamed"))),
      new Endpoint("DELETE", NB + "/{notebook}", Rule.WORKSPACE_MEMBER,
          s -> new Call("DELETE", notebooks(s) + "/" + s.notebook(), null)),
      new Endpoint("POST", NB + "/{notebook}/duplicate", Rule.WORKSPACE_MEMBER,
          s -> new Call("POST", notebooks(s) + "/" + s.notebook() + "/duplicate", Map.of("name", "copy"))),
      new Endpoint("PUT", NB + "/{notebook}/content", Rule.WORKSPACE_MEMBER,
          s -> new Call("PUT", notebooks(s) + "/" + s.notebook() + "/content", ItNotebooks.save(1))),
      new Endpoint("GET", NB + "/{notebook}/versions", Rule.WORKSPACE_VIEWER,
          s -> new Call("GET", notebooks(s) + "/" + s.notebook() + "/versions", null)),
      new Endpoint("POST", NB + "/{notebook}/versions/{version}/restore", Rule.WORKSPACE_MEMBER,
          s -> new Call("POST", notebooks(s) + "/" + s.notebook() + "/versions/1/restore", Map.of("baseVersion", 1))),
      new Endpoint("GET", NB + "/{notebook}/export", Rule.WORKSPACE_VIEWER,
          s -> new Call("GET", notebooks(s) + "/" + s.notebook() + "/export", null)),
      new Endpoint("POST", NB + "/{notebook}/kernel", Rule.WORKSPACE_MEMBER,
          s -> new Call("POST", notebooks(s) + "/" + s.notebook() + "/kernel", null), false),
      new Endpoint("GET", NB + "/{notebook}/kernel", Rule.WORKSPACE_VIEWER,
          s -> new Call("GET", notebooks(s) + "/" + s.notebook() + "/kernel", null)),
      new Endpoint("DELETE", NB + "/{notebook}/kernel", Rule.WORKSPACE_MEMBER,
          s -> new Call("DELETE", notebooks(s) + "/" + s.notebook() + "/kernel", null)),
      new Endpoint("GET", T + "/{tenant}/quota", Rule.TENANT_ADMIN, s -> new Call("GET", tenant(s) + "/quota", null)),
      new Endpoint("PUT", T + "/{tenant}/quota", Rule.PLATFORM_ADMIN,
          s -> new Call("PUT", tenant(s) + "/quota", quota(null))),
      new Endpoint("GET", W + "/quota", Rule.WORKSPACE_VIEWER, s -> new Call("GET", ws(s, s.workspace()) + "/quota", null)),
      new Endpoint("PUT", W + "/quota", Rule.TENANT_ADMIN,
          s -> new Call("PUT", ws(s, s.workspace()) + "/quota", quota(null))),
      new Endpoint("GET", W + "/usage", Rule.WORKSPACE_MEMBER, s -> new Call("GET", ws(s, s.workspace()) + "/usage", null)),
      new Endpoint("GET", W + "/usage.csv", Rule.WORKSPACE_MEMBER,
          s -> new Call("GET", ws(s, s.workspace()) + "/usage.csv", null)),
      new Endpoint("GET", T + "/{tenant}/usage", Rule.TENANT_ADMIN, s -> new Call("GET", tenant(s) + "/usage", null)),
      new Endpoint("GET", T + "/{tenant}/usage.csv", Rule.TENANT_ADMIN,
          s -> new Call("GET", tenant(s) + "/usage.csv", null)),
      new Endpoint("GET", W + "/cluster", Rule.WORKSPACE_VIEWER,
          s -> new Call("GET", ws(s, s.workspace()) + "/cluster", null)),
      new Endpoint("POST", W + "/jobs", Rule.WORKSPACE_MEMBER,
          s -> new Call("POST", ws(s, s.workspace()) + "/jobs", null, JobUploads.parts(ItPlatform.unique("key"))), false),
      new Endpoint("GET", W + "/jobs", Rule.WORKSPACE_VIEWER, s -> new Call("GET", ws(s, s.workspace()) + "/jobs", null)),
      new Endpoint("GET", W + "/jobs/{job}", Rule.WORKSPACE_VIEWER,
          s -> new Call("GET", ws(s, s.workspace()) + "/jobs/" + s.job(), null)),
      new Endpoint("GET", W + "/jobs/{job}/logs", Rule.WORKSPACE_VIEWER,
          s -> new Call("GET", ws(s, s.workspace()) + "/jobs/" + s.job() + "/logs", null)),
      new Endpoint("POST", W + "/jobs/{job}/stop", Rule.WORKSPACE_MEMBER,
          s -> new Call("POST", ws(s, s.workspace()) + "/jobs/" + s.job() + "/stop", null), false));

  /** An unlimited quota but for {@code maxGpus} (null: unlimited too). */
  static Map<String, Object> quota(Integer maxGpus) {
    Map<String, Object> q = new java.util.HashMap<>();
    q.put("maxGpus", maxGpus);
    q.put("maxCpus", null);
    q.put("gpuHoursPerMonth", null);
    return q;
  }

  private static String notebooks(Scene s) {
    return ws(s, s.workspace()) + "/notebooks";
  }

  private static String tenant(Scene s) {
    return T + "/" + s.tenant();
  }

  private static String ws(Scene s, String workspace) {
    return tenant(s) + "/workspaces/" + workspace;
  }

  private static Map<String, Object> newTenant() {
    String name = ItPlatform.unique("new");
    return Map.of("name", name, "displayName", "New " + name, "mode", "shared", "adminEmail", "a@" + name + ".example");
  }

  private static Map<String, Object> newWorkspace() {
    String name = ItPlatform.unique("nw");
    return Map.of("name", name, "displayName", "New " + name);
  }

  private static Map<String, Object> newMember(Scene s) {
    return Map.of("email", ItPlatform.unique("inv") + "@" + s.tenant() + ".example", "role", "viewer");
  }
}
