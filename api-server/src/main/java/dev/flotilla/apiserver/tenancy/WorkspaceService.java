package dev.flotilla.apiserver.tenancy;

import dev.flotilla.apiserver.api.WorkspaceDtos;
import dev.flotilla.apiserver.audit.AuditLog;
import dev.flotilla.apiserver.auth.Access;
import dev.flotilla.apiserver.error.ApiException;
import dev.flotilla.apiserver.persistence.MembershipEntity;
import dev.flotilla.apiserver.persistence.WorkspaceEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Workspaces of the request's tenant; every query is bounded by {@code access.tenant().id()}.
 * Each change and its audit row commit together. Non-blocking.
 */
@ApplicationScoped
public class WorkspaceService {
  private final AuditLog audit;
  private final OrganizationMembers organization;
  private final InstantSource clock;

  WorkspaceService(AuditLog audit, OrganizationMembers organization, InstantSource clock) {
    this.audit = audit;
    this.organization = organization;
    this.clock = clock;
  }

  public Uni<WorkspaceDtos.Workspace> create(Access access, WorkspaceDtos.CreateWorkspace request) {
    WorkspaceEntity w = new WorkspaceEntity();
    w.id = UUID.randomUUID();
    w.tenantId = access.tenant().id();
    w.name = request.name();
    w.displayName = request.displayName();
    w.createdAt = clock.instant();
    return Panache.withTransaction(() -> requireFree(access, w.name)
        .flatMap(v -> w.persist())
        .flatMap(v -> audit.record(access, w.tenantId, "workspace.create", target(access, w.name), null))
        .map(v -> view(w)));
  }

  public Uni<List<WorkspaceDtos.Workspace>> list(Access access) {
    return Panache.withSession(() -> WorkspaceEntity.<WorkspaceEntity>list("tenantId = ?1 order by name", access.tenant().id()))
        .map(all -> all.stream().map(WorkspaceService::view).toList());
  }

  public Uni<WorkspaceDtos.Workspace> get(Access access) {
    return Panache.withSession(() -> find(access)).map(WorkspaceService::view);
  }

  public Uni<WorkspaceDtos.Workspace> update(Access access, WorkspaceDtos.UpdateWorkspace request) {
    boolean renaming = request.name() != null && !request.name().equals(access.workspaceName());
    // Checked before the entity changes: the query would flush the new name first.
    return Panache.withTransaction(() -> (renaming ? requireFree(access, request.name()) : Uni.createFrom().voidItem())
        .flatMap(v -> find(access)).flatMap(w -> {
      List<String> changes = new ArrayList<>();
      if (renaming) {
        changes.add("name " + w.name + " -> " + request.name());
        w.name = request.name();
      }
      if (request.displayName() != null && !request.displayName().equals(w.displayName)) {
        changes.add("displayName");
        w.displayName = request.displayName();
      }
      return audit.record(access, w.tenantId, "workspace.update", target(access, access.workspaceName()),
          String.join(", ", changes)).map(v -> view(w));
    }));
  }

  /** Its memberships, tokens and invitations go with it; members left without a role leave the organization. */
  public Uni<Void> delete(Access access) {
    return Panache.withTransaction(() -> find(access)
            .flatMap(w -> MembershipEntity.<MembershipEntity>list("workspaceId", w.id)
                .map(ms -> ms.stream().map(m -> m.userId).toList())
                .call(users -> w.delete())
                .call(users -> audit.record(access, w.tenantId, "workspace.delete", target(access, w.name), null))))
        .flatMap(users -> organization.leaveIfNoRole(access.tenant(), users));
  }

  private static Uni<WorkspaceEntity> find(Access access) {
    return WorkspaceEntity.<WorkspaceEntity>find("tenantId = ?1 and id = ?2", access.tenant().id(), access.workspaceId())
        .firstResult().onItem().ifNull().failWith(() -> ApiException.notFound("no such workspace"));
  }

  private static Uni<Void> requireFree(Access access, String name) {
    return WorkspaceEntity.count("tenantId = ?1 and name = ?2", access.tenant().id(), name)
        .flatMap(n -> n > 0 ? Uni.createFrom().failure(ApiException.conflict("workspace " + name + " exists"))
            : Uni.createFrom().voidItem());
  }

  public static String target(Access access, String workspace) {
    return "tenant/" + access.tenant().slug() + "/workspace/" + workspace;
  }

  static WorkspaceDtos.Workspace view(WorkspaceEntity w) {
    return new WorkspaceDtos.Workspace(w.id, w.name, w.displayName, w.createdAt);
  }
}
