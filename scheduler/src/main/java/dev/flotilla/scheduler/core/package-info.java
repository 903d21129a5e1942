/**
 * The scheduler's pure placement core: which node runs which task, and why a task still waits. No
 * I/O, no threads, no clock (time arrives as an {@code Instant now} argument), so all of it runs in
 * unit tests and in simulated fleets of thousands of nodes.
 *
 * <h2>Pipeline</h2>
 *
 * <pre>
 *  TaskQueue.add ─▶ waiting for argument objects ─objectReady─▶ ready (FIFO per job)
 *                                                                 │ schedule(state, now)
 *  Planner.plan(state, request, now): filters ─▶ scores ─▶ best node, or a reason
 *                                                                 │
 *  ClusterState.reserve(node, demand): re-checks, picks GPU devices ─▶ Placement
 * </pre>
 *
 * <ul>
 *   <li>{@link dev.flotilla.scheduler.core.Resources}: immutable resource amounts ({@code CPU},
 *       {@code GPU}, {@code memory_mb}, custom), compared with an epsilon so fractional GPUs add
 *       up; {@link dev.flotilla.scheduler.core.GpuDemand} is the shape of a GPU amount (none, a
 *       share of one device, whole devices).
 *   <li>{@link dev.flotilla.scheduler.core.ClusterState}: the mutable fleet, with per-device GPU
 *       shares; hands out {@link dev.flotilla.scheduler.core.Reservation}s and immutable {@link
 *       dev.flotilla.scheduler.core.NodeView}s.
 *   <li>{@link dev.flotilla.scheduler.core.Planner}: runs a {@link
 *       dev.flotilla.scheduler.core.SchedulingProfile} of {@link
 *       dev.flotilla.scheduler.core.FilterPlugin}s and weighted {@link
 *       dev.flotilla.scheduler.core.ScorePlugin}s, built by name from a {@link
 *       dev.flotilla.scheduler.core.PluginRegistry}, as in the Kubernetes scheduler framework;
 *       returns a {@link dev.flotilla.scheduler.core.PlacementDecision}. The built-in plugins live
 *       in {@code core.plugins.*}.
 *   <li>{@link dev.flotilla.scheduler.core.TaskQueue}: dependencies, FIFO per job, round-robin
 *       between jobs, and a reason for every pending task ({@link
 *       dev.flotilla.scheduler.core.PendingView}).
 * </ul>
 *
 * <h2>Reasons</h2>
 *
 * "Does not fit" is a {@link dev.flotilla.scheduler.core.PluginStatus}, never an exception. When no
 * node passes, each filter summarises the nodes it rejected in one clause ({@link
 * dev.flotilla.scheduler.core.FilterPlugin#explain}), e.g. "needs CPU:4; the most free on any node
 * is CPU:2 (node n3)" or "needs label gpu.model=H100; no alive node has it", so a fleet of 1,000
 * nodes still yields one sentence.
 *
 * <h2>Cost</h2>
 *
 * A plan is one pass over the nodes (a second pass builds the reason when nothing fits). {@code
 * TaskQueue.schedule} avoids O(tasks × nodes) per call with a cache of shapes that fit nowhere
 * ({@code UnfitShapes}). A task's <em>shape</em> is its demand and label selector, all that filters
 * may look at, so tasks of one shape fit on the same nodes; shapes are interned, and a queued task
 * whose shape is known not to fit costs one identity hash lookup. The cache is sound because
 * filters are monotone in free resources: within a call the queue only reserves, so nodes only get
 * fuller; between calls only the nodes that {@link
 * dev.flotilla.scheduler.core.ClusterState#nodesGainedSince gained} room (a release, a
 * registration) can make a shape fit, so a cached shape is re-checked against those nodes alone. A
 * cached reason is recomputed once it is a second old (by the callers' {@code now}), which keeps
 * its numbers current at a cost bounded per second rather than per event. Within one call, the same
 * monotonicity lets the next task of an already planned shape re-filter only the nodes that passed
 * for that shape last time, so a burst of equal tasks costs one fleet scan and then ever shorter
 * candidate lists. A call costs O(ready tasks + gained nodes × cached shapes + (new or refreshed
 * shapes) × nodes + placements × candidates).
 *
 * <p>Tasks that do not fit do not block the tasks behind them in their job (backfill), so a large
 * task can wait behind a stream of small ones: there are no reservations or priorities yet.
 *
 * <h2>Threading</h2>
 *
 * Nothing here is thread-safe except the immutable values and plugins: the service owns one {@code
 * ClusterState} and one {@code TaskQueue} and serialises every call to them under one lock. Plans
 * read the state given and change nothing; only {@code reserve}, {@code release} and the node
 * methods mutate it.
 */
package dev.flotilla.scheduler.core;
