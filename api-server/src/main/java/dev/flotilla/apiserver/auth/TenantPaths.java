package dev.flotilla.apiserver.auth;

/**
 * Reads the tenant out of a request path. {@code /api/v1/tenants} and {@code /api/v1/tenants/{t}}
 * are the platform administrators' (platform realm); anything below {@code /api/v1/tenants/{t}/}
 * belongs to tenant {@code t}. Pure; thread-safe.
 */
public final class TenantPaths {
  public static final String ROOT = "/api/v1/tenants";

  private TenantPaths() {}

  /** The tenant slug of a tenant-scoped path, or null for platform and other paths. */
  public static String tenantOf(String path) {
    if (path == null || !path.startsWith(ROOT + "/")) {
      return null;
    }
    String rest = path.substring(ROOT.length() + 1);
    int slash = rest.indexOf('/');
    if (slash <= 0 || slash == rest.length() - 1) {
      return null;
    }
    return rest.substring(0, slash);
  }

  /**
   * Whether a tenant-scoped request is the platform administrators' all the same (verified against
   * the platform realm): setting a tenant's quota ({@code PUT /api/v1/tenants/{t}/quota}).
   */
  public static boolean platformOwned(String method, String path) {
    String slug = tenantOf(path);
    return slug != null && "PUT".equals(method) && path.equals(ROOT + "/" + slug + "/quota");
  }
}
