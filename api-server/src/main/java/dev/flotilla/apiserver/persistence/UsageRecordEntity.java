package dev.flotilla.apiserver.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Metered run time of one job's executors, from their actual run time; summed per workspace and month for bills. */
@Entity
@Table(name = "usage_record")
public class UsageRecordEntity extends ScopedEntity {
  @Column(name = "job_id")
  public UUID jobId;

  @Column(name = "cpu_seconds")
  public double cpuSeconds;

  @Column(name = "gpu_seconds")
  public double gpuSeconds;

  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "ended_at")
  public Instant endedAt;
}
