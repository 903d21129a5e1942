package dev.flotilla.apiserver.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A job submitted through the edge; the idempotency key is unique per workspace, so a retried submission finds the first. */
@Entity
@Table(name = "job")
public class JobEntity extends ScopedEntity {
  @Column(name = "idempotency_key")
  public String idempotencyKey;

  @Column(name = "main_class")
  public String mainClass;

  public String state;

  @Column(name = "submitted_by")
  public String submittedBy;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "updated_at")
  public Instant updatedAt;
}
