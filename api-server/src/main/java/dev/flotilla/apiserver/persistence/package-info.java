/**
 * Platform data in PostgreSQL through Hibernate Reactive with Panache: one entity per table of
 * {@code src/main/resources/db/migration} (Flyway, run at start, so an existing database is
 * upgraded in place; Hibernate only validates the schema). Entities: {@link
 * dev.flotilla.apiserver.persistence.TenantEntity}, {@code WorkspaceEntity},
 * {@code MembershipEntity}, {@code InvitationEntity}, {@code ApiTokenEntity},
 * {@code QuotaEntity}, {@code UsageRecordEntity}, {@code JobEntity}, {@code AuditEventEntity}.
 *
 * <p>Threading: entities are mutable and confined to one reactive session on a Vert.x context;
 * never share them across requests or block while holding one.
 */
package dev.flotilla.apiserver.persistence;
