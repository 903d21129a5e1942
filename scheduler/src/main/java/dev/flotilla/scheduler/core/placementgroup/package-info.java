/**
 * Gang reservation for placement groups, after Ray: a group is a list of bundles (each a {@link
 * dev.flotilla.scheduler.core.Resources} demand such as {@code CPU:1, GPU:1}) reserved all at once
 * under a {@link dev.flotilla.scheduler.core.placementgroup.Strategy}, so that tasks and actors
 * placed later "in bundle i" find their resources waiting for them.
 *
 * <h2>Pipeline</h2>
 *
 * <pre>
 *  PlacementGroupRequest ─▶ GangPlanner.plan(nodes, request) ─▶ Placed(node per bundle)
 *                                      │ pure: reads NodeViews only     or Unplaceable(reason)
 *                                      ▼
 *  GangReserver.reserveAll(state, nodes, bundles) ─▶ a Reservation per bundle, or none (rolled back)
 *                                      ▼
 *  BundleLedger per bundle: tasks scheduled into the bundle borrow from it, never beyond it
 * </pre>
 *
 * <ul>
 *   <li>{@link dev.flotilla.scheduler.core.placementgroup.GangPlanner}: PACK and STRICT_PACK fill
 *       the tightest nodes; SPREAD and STRICT_SPREAD match bundles to distinct nodes with a maximum
 *       bipartite matching, so STRICT_SPREAD fails only when no layout on distinct nodes exists.
 *       The strict forms fail rather than bend; PACK and SPREAD fall back to each other's layout.
 *       Every bundle is simulated on a node's free resources and per-device GPU shares, choosing
 *       devices as {@link dev.flotilla.scheduler.core.ClusterState#reserve} does.
 *   <li>{@link dev.flotilla.scheduler.core.placementgroup.GangReserver}: commits a layout through
 *       {@code ClusterState.reserve}, which re-checks capacity and assigns GPU device indices;
 *       all-or-nothing, releasing what it reserved when any bundle no longer fits.
 *   <li>{@link dev.flotilla.scheduler.core.placementgroup.BundleLedger}: one reserved bundle's
 *       amounts, lent to the work placed in it.
 * </ul>
 *
 * <h2>Reasons</h2>
 *
 * An unplaceable group gets one sentence, from the most permanent cause: no alive nodes; a bundle
 * that fits on no node even alone (worded as for a task of that demand); then the strategy's own
 * limit, e.g. "STRICT_SPREAD needs 3 distinct nodes each with CPU:1, GPU:1; only 2 alive nodes have
 * room".
 *
 * <h2>Order of reservation</h2>
 *
 * Bundles are reserved largest GPU demand first, so fractional GPUs never take the whole devices a
 * later bundle needs; the planner simulates exactly this order, so a plan made from a state's views
 * reserves against that state. A stale plan is still safe: reserving re-checks and rolls back.
 *
 * <h2>Threading</h2>
 *
 * Like the rest of the core: no I/O, no threads, no clock. The planner and the values are immutable
 * and thread-safe; {@code GangReserver} mutates the {@code ClusterState} and {@code BundleLedger}
 * itself, both under the caller's one lock.
 */
package dev.flotilla.scheduler.core.placementgroup;
