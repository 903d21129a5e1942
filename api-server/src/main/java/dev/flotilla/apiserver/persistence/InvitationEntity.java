package dev.flotilla.apiserver.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** An invitation by e-mail into a workspace; the Keycloak user was created with required actions. */
@Entity
@Table(name = "invitation")
public class InvitationEntity extends ScopedEntity {
  public String email;
  public String role;

  @Column(name = "user_id")
  public String userId;

  @Column(name = "invited_by")
  public String invitedBy;

  @Column(name = "created_at")
  public Instant createdAt;
}
