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

/** One administrative action: who (actor), what (action on target), when (at), from where. */
@Entity
@Table(name = "audit_event")
public class AuditEventEntity extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  /** No foreign key: the trail outlives the tenant it describes. */
  @Column(name = "tenant_id")
  public UUID tenantId;

  public String actor;
  public String action;
  public String target;
  public String detail;

  @Column(name = "remote_address")
  public String remoteAddress;

  public Instant at;
}
