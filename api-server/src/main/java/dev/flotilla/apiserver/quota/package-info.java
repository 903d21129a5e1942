/**
 * Quotas of tenants and workspaces: {@link dev.flotilla.apiserver.quota.QuotaService} reads and
 * replaces them (a workspace's never above its tenant's, each change audited). They are
 * enforced by the scheduler, which receives them, with the GPU budget left this month, when the
 * SDK edge opens a session ({@code edge.EdgeAuthenticator}). Non-blocking (Mutiny).
 */
package dev.flotilla.apiserver.quota;
