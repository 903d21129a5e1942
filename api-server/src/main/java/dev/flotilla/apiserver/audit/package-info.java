/**
 * The audit trail of administrative actions ({@link dev.flotilla.apiserver.audit.AuditLog}):
 * one {@code audit_event} row per change, written in the change's own transaction. Action names
 * are {@code <resource>.<verb>}: {@code tenant.create}, {@code tenant.delete},
 * {@code workspace.create|update|delete}, {@code member.invite|role|remove},
 * {@code token.create|revoke}. Read by tenant admins through {@code GET /api/v1/tenants/{t}/audit}.
 */
package dev.flotilla.apiserver.audit;
