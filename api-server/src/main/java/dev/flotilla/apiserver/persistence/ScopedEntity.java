package dev.flotilla.apiserver.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;

/**
 * The columns every row owned by a tenant shares: its id, its tenant and (for workspace-level
 * rows; null for tenant-level ones where the table allows it) its workspace. Every query of a
 * subclass filters on {@code tenantId}: that is the isolation boundary in the database.
 */
@MappedSuperclass
public abstract class ScopedEntity extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "tenant_id")
  public UUID tenantId;

  @Column(name = "workspace_id")
  public UUID workspaceId;
}
