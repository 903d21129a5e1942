package dev.flotilla.apiserver.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A job's code package (checked jar bytes and their SHA-256), stored with the job's row. */
@Entity
@Table(name = "job_package")
public class JobPackageEntity extends PanacheEntityBase {
  @Id
  @Column(name = "job_id")
  public UUID jobId;

  public String digest;

  public byte[] bytes;
}
