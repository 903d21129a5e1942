/**
 * Core microbenchmarks in the shape of Ray's {@code ray microbenchmark}
 * ({@code ray/_private/ray_perf.py}), run against a real cluster: a scheduler and gpu-workers as
 * OS processes that {@link dev.flotilla.deploy.cluster.LocalCluster} starts, or the cluster named
 * by {@code FLOTILLA_ADDRESS}.
 *
 * <p>Main types: {@link dev.flotilla.bench.CoreBenchmarks} (one suite: five figures, a table on
 * stdout, a markdown fragment and a CSV), {@link dev.flotilla.bench.Rounds} (warm-up until the rate
 * is steady, then timed rounds), {@link dev.flotilla.bench.Measurement} (one figure's rounds and
 * their median/min/max), {@link dev.flotilla.bench.SummarizeRuns} (the median over several suites,
 * beside Ray's published figures) and {@link dev.flotilla.bench.BenchFns} (the remote functions).
 *
 * <p>Threading: everything runs on the main thread; the benchmarks measure one client thread, as
 * Ray's "single client" figures do. The only other thread is the scheduled executor {@link
 * dev.flotilla.bench.StoreDrain} polls the cluster with between rounds; no common pool is used.
 */
package dev.flotilla.bench;
