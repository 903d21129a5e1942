package dev.flotilla.apiserver.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A workspace-scoped API token for SDK, CLI and automation. Only the SHA-256 of the secret is stored, so a lost token cannot be recovered, only revoked. */
@Entity
@Table(name = "api_token")
public class ApiTokenEntity extends ScopedEntity {
  @Column(name = "user_id")
  public String userId;

  public String name;

  @Column(name = "token_hash")
  public byte[] tokenHash;

  public String prefix;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "expires_at")
  public Instant expiresAt;

  /** Null while the token is valid. */
  @Column(name = "revoked_at")
  public Instant revokedAt;
}
