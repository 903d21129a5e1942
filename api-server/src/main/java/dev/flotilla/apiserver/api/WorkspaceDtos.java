package dev.flotilla.apiserver.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** Request and response bodies of {@code /api/v1/tenants/{t}/workspaces}. */
public final class WorkspaceDtos {
  private WorkspaceDtos() {}

  public record CreateWorkspace(
      @NotNull @Pattern(regexp = Names.WORKSPACE, message = Names.WORKSPACE_MESSAGE) String name,
      @NotBlank @Size(max = 200) String displayName) {}

  /** Rename: a new name (the path changes), a new display name, or both; absent fields stay. */
  public record UpdateWorkspace(
      @Pattern(regexp = Names.WORKSPACE, message = Names.WORKSPACE_MESSAGE) String name,
      @Size(min = 1, max = 200) String displayName) {}

  public record Workspace(UUID id, String name, String displayName, Instant createdAt) {}
}
