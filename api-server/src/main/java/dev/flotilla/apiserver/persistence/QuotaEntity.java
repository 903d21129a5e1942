package dev.flotilla.apiserver.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Hard caps for a tenant (workspace null) or one workspace; a null cap means unlimited. Enforced by the scheduler. */
@Entity
@Table(name = "quota")
public class QuotaEntity extends ScopedEntity {
  @Column(name = "max_gpus")
  public Integer maxGpus;

  @Column(name = "max_cpus")
  public Integer maxCpus;

  @Column(name = "gpu_hours_per_month")
  public java.math.BigDecimal gpuHoursPerMonth;
}
