/**
 * The workspace dashboard: {@code GET /api/v1/tenants/{t}/workspaces/{w}/cluster}, what the
 * notebook UI's Dashboard page shows.
 *
 * <pre>
 * DashboardResource ─▶ DashboardService ─┬─▶ QuotaService, UsageService (PostgreSQL; quota, usage this month)
 *   (@Allow viewer)     (Mutiny)          └─▶ SchedulerStatus (virtual thread) ─▶ WorkspaceSessions ─▶ scheduler
 *                                              ClusterStatus(session)          one session per workspace,
 *                                              ─▶ ClusterViews (no addresses)   stamped like the SDK edge's
 *                                                 WorkViews (running, actors)
 * </pre>
 *
 * <p>Nodes are the platform's capacity and shown to every workspace, without network addresses;
 * pending work, running tasks and actors are the workspace's own, because the scheduler filters
 * them by the session's tenant and workspace (at most 500 running tasks and 500 actors, with a
 * {@code truncated} flag). Each (tenant, workspace) gets one dashboard session, opened on first use with
 * the edge secret and the same stamp as an SDK session ({@code edge.WorkspaceGrants}: tenant,
 * workspace, limits, GPU budget), its lifeline held open, closed after ten idle minutes (injected
 * clock) and at shutdown. Without {@code flotilla.edge.scheduler-address} the answer is {@code
 * "cluster":"not configured"} with no nodes; an unreachable scheduler is a 503 problem.
 *
 * <p>Threading: the resource and service never block the event loop; {@link
 * dev.flotilla.apiserver.dashboard.SchedulerStatus#status} blocks and runs on a virtual thread;
 * {@code WorkspaceSessions} is thread-safe and opens one session at a time.
 */
package dev.flotilla.apiserver.dashboard;
