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

  /** The scheduler's job id (SDK jobs have no row in {@code job}). */
  @Column(name = "job_key")
  public String jobKey;

  /** The first day of the month (UTC) this run time was metered in. */
  @Column(name = "month")
  public java.time.LocalDate month;

  @Column(name = "cpu_seconds")
  public double cpuSeconds;

  @Column(name = "gpu_seconds")
  public double gpuSeconds;

  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "ended_at")
  public Instant endedAt;
}
