package dev.flotilla.apiserver.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A team's space inside a tenant; name is unique per tenant. */
@Entity
@Table(name = "workspace")
public class WorkspaceEntity extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "tenant_id")
  public UUID tenantId;

  public String name;

  @Column(name = "display_name")
  public String displayName;

  @Column(name = "created_at")
  public Instant createdAt;
}
