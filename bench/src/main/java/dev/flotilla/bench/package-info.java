/**
 * Microbenchmarks in the shape of Ray's {@code ray microbenchmark} ({@code ray/_private/ray_perf.py}),
 * run against a real cluster: a scheduler and gpu-workers as OS processes that {@link
 * dev.flotilla.deploy.cluster.LocalCluster} starts, or the cluster named by {@code FLOTILLA_ADDRESS};
 * and an Apache Pekko peer ({@link dev.flotilla.bench.pekko}) measured in the same run.
 *
 * <p>Main types: the suites {@link dev.flotilla.bench.CoreBenchmarks} (tasks, puts, gets), {@link
 * dev.flotilla.bench.ActorBenchmarks} (actor calls, placement groups) and {@link
 * dev.flotilla.bench.PekkoBenchmarks} (Pekko asks between two JVMs); what they share: {@link
 * dev.flotilla.bench.SuiteRunner} (cluster, connection, report), {@link
 * dev.flotilla.bench.BenchArgs} (options), {@link dev.flotilla.bench.Rounds} (warm-up until the rate
 * is steady, then timed rounds), {@link dev.flotilla.bench.Measurement} (one figure's rounds and
 * their median/min/max), {@link dev.flotilla.bench.Report}; {@link
 * dev.flotilla.bench.SummarizeRuns} (the median over several runs, beside Ray's published figures
 * and the same-run Pekko ratio); {@link dev.flotilla.bench.BenchFns} and {@link
 * dev.flotilla.bench.BenchActor} (what runs remotely).
 *
 * <p>Threading: everything runs on the main thread; the benchmarks measure one client thread, as
 * Ray's "single client" and "1:1" figures do (the n:n figure's callers are tasks in the cluster).
 * The only other threads are the scheduled executor {@link dev.flotilla.bench.StoreDrain} polls the
 * cluster with between rounds and Pekko's own dispatchers; no common pool is used.
 */
package dev.flotilla.bench;
