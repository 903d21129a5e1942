/**
 * The scheduler's pure placement core: which node runs which task, and why a task still waits. No
 * I/O, no threads, no clock (time arrives as an {@code Instant now} argument), so all of it runs in
 * unit tests and in simulated fleets of thousands of nodes.
 *
 * <h2>Pipeline</h2>
 *
 * <pre>
 *  TaskQueue.add ──▶ waiting (for argument objects) ──objectReady──▶ ready (FIFO per job)
 *                                                                        │ schedule(state, now)
 *      Planner.plan(state, request, now):  filters ──▶ scores ──▶ best node (or a reason)
 *                                                                        │
 *      ClusterState.reserve(node, demand)  re-checks capacity, picks GPU devices ──▶ Placement
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
 * A plan is one pass over the nodes (a second pass builds the reason when nothing fits). The queue
 * avoids O(tasks × nodes) per {@code schedule} call: tasks with the same <em>shape</em> (demand and
 * label selector, all that filters may look at) fit on the same nodes, so when a shape does not
 * fit, its reason is cached and every later task of that shape costs one hash lookup. The cache
 * stays valid for the whole call, because the call only reserves (nodes only get fuller), and
 * across calls for as long as {@link dev.flotilla.scheduler.core.ClusterState#version()} is
 * unchanged, so the common "a task was submitted to a full cluster" call plans only the new shapes.
 * A call therefore costs O(ready tasks + (failed shapes + placements) × nodes). Backfill lets later
 * tasks of a job run past a head that does not fit; large tasks can wait behind a stream of small
 * ones (no reservations or priorities yet).
 *
 * <h2>Threading</h2>
 *
 * Nothing here is thread-safe except the immutable values and plugins: the service owns one {@code
 * ClusterState} and one {@code TaskQueue} and serialises every call to them under one lock. Plans
 * read the state given and change nothing; only {@code reserve}, {@code release} and the node
 * methods mutate it.
 */
package dev.flotilla.scheduler.core;
