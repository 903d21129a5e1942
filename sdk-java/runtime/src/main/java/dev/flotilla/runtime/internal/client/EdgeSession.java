package dev.flotilla.runtime.internal.client;

import io.grpc.Metadata;
import java.util.Map;

/**
 * A session the authenticated edge (the api-server) opens on a tenant's behalf: the tenant and
 * workspace it verified, the quotas that bind them (e.g. {@code "GPU" = 4}), the workspace's GPU
 * budget left in GPU-seconds (null: none), and the scheduler's
 * edge secret that proves the caller is the edge.
 */
public record EdgeSession(String tenant, String workspace, Map<String, Double> workspaceLimits,
    Map<String, Double> tenantLimits, Double gpuSecondsLeft, String secret) {
  static final Metadata.Key<String> HEADER = Metadata.Key.of("x-flotilla-edge-secret", Metadata.ASCII_STRING_MARSHALLER);

  public EdgeSession {
    if (tenant == null || tenant.isBlank() || workspace == null || workspace.isBlank()) {
      throw new IllegalArgumentException("an edge session needs a tenant and a workspace");
    }
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("an edge session needs the scheduler's edge secret");
    }
    workspaceLimits = Map.copyOf(workspaceLimits);
    tenantLimits = Map.copyOf(tenantLimits);
  }

  /** Without a GPU budget. */
  public EdgeSession(String tenant, String workspace, Map<String, Double> workspaceLimits,
      Map<String, Double> tenantLimits, String secret) {
    this(tenant, workspace, workspaceLimits, tenantLimits, null, secret);
  }
}
