package dev.flotilla.apiserver.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An organisation using the platform: a Keycloak organization of the platform realm (SHARED) or a realm of its own (DEDICATED). */
@Entity
@Table(name = "tenant")
public class TenantEntity extends PanacheEntityBase {
  @Id public UUID id;

  public String slug;

  @Column(name = "display_name")
  public String displayName;

  /** {@code SHARED} or {@code DEDICATED}. */
  public String mode;

  /** The Keycloak realm whose tokens are accepted on this tenant's paths. */
  public String realm;

  /** The Keycloak organization id (SHARED only; null otherwise). */
  @Column(name = "organization_id")
  public String organizationId;

  @Column(name = "created_at")
  public Instant createdAt;
}
