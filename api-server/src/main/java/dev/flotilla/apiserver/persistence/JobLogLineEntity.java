package dev.flotilla.apiserver.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One line a job wrote to stdout or stderr, in arrival order ({@code id}). */
@Entity
@Table(name = "job_log_line")
public class JobLogLineEntity extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "job_id")
  public UUID jobId;

  public String stream;

  public String line;

  public Instant at;
}
