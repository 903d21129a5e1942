package dev.flotilla.apiserver.notebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.apiserver.audit.AuditLog;
import dev.flotilla.apiserver.auth.Access;
import dev.flotilla.apiserver.error.ApiException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;

/**
 * Notebooks of the request's workspace. Every query is bounded by the tenant and workspace of
 * {@link Access}, so another tenant's (or workspace's) notebook id is simply not found (404).
 * Each content change (create, save, restore, duplicate, import) writes a new version row in the
 * same transaction; a save or restore names the version it was based on and is refused with 409
 * when that is no longer the current one. Non-blocking.
 */
@ApplicationScoped
public class NotebookService {
  private static final TypeReference<List<NotebookDtos.Cell>> CELLS = new TypeReference<>() {};

  private final AuditLog audit;
  private final InstantSource clock;
  private final ObjectMapper json;
  private final Ipynb ipynb;

  NotebookService(AuditLog audit, InstantSource clock, ObjectMapper json) {
    this.audit = audit;
    this.clock = clock;
    this.json = json;
    this.ipynb = new Ipynb(json);
  }

  public Uni<NotebookDtos.Summary> create(Access access, String name) {
    return Panache.withTransaction(() -> insert(access, name, List.of())).map(NotebookService::summary);
  }

  public Uni<NotebookDtos.Summary> importIpynb(Access access, NotebookDtos.ImportNotebook request) {
    List<NotebookDtos.Cell> cells = ipynb.parse(json.valueToTree(request.ipynb()));
    return Panache.withTransaction(() -> insert(access, request.name(), cells)).map(NotebookService::summary);
  }

  public Uni<List<NotebookDtos.Summary>> list(Access access) {
    return Panache.withSession(() -> NotebookEntity.<NotebookEntity>list(
            "tenantId = ?1 and workspaceId = ?2 order by name, createdAt", access.tenant().id(), access.workspaceId()))
        .map(all -> all.stream().map(NotebookService::summary).toList());
  }

  public Uni<NotebookDtos.Notebook> get(Access access, String id) {
    return Panache.withSession(() -> find(access, id)).map(this::view);
  }

  public Uni<ObjectNode> export(Access access, String id) {
    return Panache.withSession(() -> find(access, id)).map(n -> ipynb.export(cells(n.cells)));
  }

  public Uni<NotebookDtos.Summary> rename(Access access, String id, String name) {
    return Panache.withTransaction(() -> find(access, id).map(n -> {
      n.name = name;
      n.updatedAt = clock.instant();
      return summary(n);
    }));
  }

  public Uni<Void> delete(Access access, String id) {
    return Panache.withTransaction(() -> find(access, id).flatMap(n -> n.delete()
        .flatMap(v -> audit.record(access, n.tenantId, "notebook.delete", target(access, n.id), n.name))));
  }

  public Uni<NotebookDtos.Summary> duplicate(Access access, String id, String name) {
    return Panache.withTransaction(() -> find(access, id).flatMap(n -> insert(access, name, cells(n.cells))))
        .map(NotebookService::summary);
  }

  public Uni<NotebookDtos.Saved> save(Access access, String id, NotebookDtos.SaveContent request) {
    return Panache.withTransaction(() -> find(access, id)
        .flatMap(n -> newVersion(access, n, request.baseVersion(), write(request.cells()))));
  }

  public Uni<List<NotebookDtos.Version>> versions(Access access, String id) {
    return Panache.withSession(() -> find(access, id).flatMap(n -> NotebookVersionEntity.<NotebookVersionEntity>list(
            "tenantId = ?1 and notebookId = ?2 order by version desc", access.tenant().id(), n.id)))
        .map(all -> all.stream()
            .map(v -> new NotebookDtos.Version(v.version, v.savedBy, v.savedAt, cells(v.cells).size())).toList());
  }

  public Uni<NotebookDtos.Saved> restore(Access access, String id, String version, int baseVersion) {
    int number = versionNumber(id, version);
    return Panache.withTransaction(() -> find(access, id).flatMap(n -> NotebookVersionEntity.<NotebookVersionEntity>find(
            "tenantId = ?1 and notebookId = ?2 and version = ?3", access.tenant().id(), n.id, number).firstResult()
        .onItem().ifNull().failWith(() -> ApiException.notFound("notebook " + id + " has no version " + version))
        .flatMap(old -> newVersion(access, n, baseVersion, old.cells))));
  }

  private Uni<NotebookDtos.Saved> newVersion(Access access, NotebookEntity n, int baseVersion, String cells) {
    if (n.version != baseVersion) {
      return Uni.createFrom().failure(ApiException.conflict("notebook " + n.id + " is at version " + n.version
          + ", not " + baseVersion + ": someone saved it meanwhile; reload it and apply your changes again"));
    }
    Instant now = clock.instant();
    n.version = baseVersion + 1;
    n.cells = cells;
    n.updatedAt = now;
    return versionRow(access, n, now).map(v -> new NotebookDtos.Saved(n.id, n.version, now));
  }

  private Uni<NotebookEntity> insert(Access access, String name, List<NotebookDtos.Cell> cells) {
    NotebookEntity n = new NotebookEntity();
    n.id = UUID.randomUUID();
    n.tenantId = access.tenant().id();
    n.workspaceId = access.workspaceId();
    n.name = name;
    n.version = 1;
    n.cells = write(cells);
    n.createdBy = access.caller().subject();
    n.createdAt = clock.instant();
    n.updatedAt = n.createdAt;
    return n.persist().flatMap(v -> versionRow(access, n, n.createdAt)).map(v -> n);
  }

  private Uni<Void> versionRow(Access access, NotebookEntity n, Instant at) {
    NotebookVersionEntity v = new NotebookVersionEntity();
    v.id = UUID.randomUUID();
    v.tenantId = n.tenantId;
    v.workspaceId = n.workspaceId;
    v.notebookId = n.id;
    v.version = n.version;
    v.cells = n.cells;
    v.savedBy = access.caller().subject();
    v.savedAt = at;
    return v.persist().replaceWithVoid();
  }

  private static Uni<NotebookEntity> find(Access access, String id) {
    UUID uuid = parse(id);
    return NotebookEntity.<NotebookEntity>find("tenantId = ?1 and workspaceId = ?2 and id = ?3",
            access.tenant().id(), access.workspaceId(), uuid).firstResult()
        .onItem().ifNull().failWith(() -> ApiException.notFound("no notebook " + id + " in this workspace"));
  }

  private static UUID parse(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("no notebook " + id + " in this workspace");
    }
  }

  private static int versionNumber(String id, String version) {
    try {
      return Integer.parseInt(version);
    } catch (NumberFormatException e) {
      throw ApiException.notFound("notebook " + id + " has no version " + version);
    }
  }

  private String write(List<NotebookDtos.Cell> cells) {
    try {
      return json.writeValueAsString(cells);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cells did not serialize", e);
    }
  }

  private List<NotebookDtos.Cell> cells(String stored) {
    try {
      return json.readValue(stored, CELLS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored cells did not parse", e);
    }
  }

  private NotebookDtos.Notebook view(NotebookEntity n) {
    return new NotebookDtos.Notebook(n.id, n.name, n.version, cells(n.cells), n.createdAt, n.updatedAt);
  }

  private static NotebookDtos.Summary summary(NotebookEntity n) {
    return new NotebookDtos.Summary(n.id, n.name, n.version, n.createdBy, n.createdAt, n.updatedAt);
  }

  private static String target(Access access, UUID id) {
    return "tenant/" + access.tenant().slug() + "/workspace/" + access.workspaceName() + "/notebook/" + id;
  }
}
