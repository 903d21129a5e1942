package dev.flotilla.apiserver.launch;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What to start in a workspace: a name shown in the scheduler's status, the code package (jars in
 * class-path order; may be empty when the entrypoint needs only the runtime), the entrypoint, its
 * arguments ({@code String} or {@code String[]} each, in parameter order) and the resources it holds
 * while it runs ({@code "CPU"}, {@code "GPU"}, ...).
 */
public record LaunchSpec(UUID tenantId, UUID workspaceId, String name, List<Blob> codePackage, Entrypoint entrypoint,
    List<Object> args, Map<String, Double> resources) {
  public LaunchSpec {
    if (tenantId == null || workspaceId == null || entrypoint == null || name == null || name.isBlank()) {
      throw new IllegalArgumentException("a launch needs a tenant, a workspace, a name and an entrypoint");
    }
    codePackage = List.copyOf(codePackage);
    args = List.copyOf(args);
    for (Object a : args) {
      if (!(a instanceof String) && !(a instanceof String[])) {
        throw new IllegalArgumentException("entrypoint arguments are String or String[], not " + a.getClass().getName());
      }
    }
    resources = Map.copyOf(resources);
  }
}
