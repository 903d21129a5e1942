package dev.flotilla.apiserver.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * The scheduler's running usage totals of one job last folded into {@link UsageRecordEntity}
 * rows: the usage collector adds only what grew beyond them, so pulling twice never counts twice.
 */
@Entity
@Table(name = "usage_cursor")
public class UsageCursorEntity extends ScopedEntity {
  @Column(name = "job_key")
  public String jobKey;

  @Column(name = "cpu_seconds")
  public double cpuSeconds;

  @Column(name = "gpu_seconds")
  public double gpuSeconds;
}
