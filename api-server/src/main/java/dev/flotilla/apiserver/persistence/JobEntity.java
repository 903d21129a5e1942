package dev.flotilla.apiserver.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A submitted job: the idempotency key is unique per workspace, so a retried submission finds the
 * first; {@code requestDigest} tells a retry from a different request under the same key. State
 * is one of QUEUED, RUNNING, SUCCEEDED, FAILED, STOPPED; {@code args} a JSON array of strings.
 */
@Entity
@Table(name = "job")
public class JobEntity extends ScopedEntity {
  @Column(name = "idempotency_key")
  public String idempotencyKey;

  public String name;

  @Column(name = "main_class")
  public String mainClass;

  public String args;

  public int cpus;

  public int gpus;

  public String state;

  @Column(name = "request_digest")
  public String requestDigest;

  @Column(name = "package_digest")
  public String packageDigest;

  @Column(name = "submitted_by")
  public String submittedBy;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "updated_at")
  public Instant updatedAt;

  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "ended_at")
  public Instant endedAt;

  public String failure;
}
