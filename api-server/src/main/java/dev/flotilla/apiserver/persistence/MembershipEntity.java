package dev.flotilla.apiserver.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user's role in a workspace, or (workspace null, role TENANT_ADMIN) in the whole tenant. The user is a Keycloak user id (the token's sub). */
@Entity
@Table(name = "membership")
public class MembershipEntity extends ScopedEntity {
  @Column(name = "user_id")
  public String userId;

  public String email;

  /** {@code TENANT_ADMIN}, {@code ADMIN}, {@code MEMBER} or {@code VIEWER}. */
  public String role;

  @Column(name = "created_at")
  public Instant createdAt;
}
