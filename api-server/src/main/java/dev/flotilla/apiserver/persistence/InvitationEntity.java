package dev.flotilla.apiserver.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An invitation by e-mail into a workspace; the Keycloak user was created with required actions.
 * {@code mailStatus} says what became of the e-mail of its last sending (see {@code V6__invitation_mail.sql}).
 */
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

  @Column(name = "mail_status")
  public String mailStatus;

  /** Why the e-mail failed, or to whom it went; null before any attempt. */
  @Column(name = "mail_detail")
  public String mailDetail;

  /** When the e-mail was last sent (or tried). */
  @Column(name = "mailed_at")
  public Instant mailedAt;
}
