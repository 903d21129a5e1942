/**
 * The driver of a REST job, run inside an executor as the job's entrypoint task.
 *
 * <p>The api-server launches a submitted job as one task, {@link
 * dev.flotilla.runtime.internal.jobs.JobDriver#run}, in a session of the job's tenant and
 * workspace. The driver dials back to the api-server ({@code flotilla.jobs.v1.JobChannel}, with the
 * per-launch secret as a bearer token), says Hello, waits for Started, and then calls the job's
 * {@code public static void main(String[])} from the job's code package (the task's context class
 * loader). Meanwhile {@link dev.flotilla.runtime.internal.jobs.LogCapture} copies what this JVM
 * writes to {@code System.out} / {@code System.err} into lines ({@link
 * dev.flotilla.runtime.internal.jobs.LineSplitter}, at most 8 KiB each) that {@link
 * dev.flotilla.runtime.internal.jobs.LogBatcher} sends in batches (bounded: a job that writes
 * faster than the channel drains loses lines and is told how many); everything still reaches the
 * executor's own streams. {@code Flotilla.connect()} without an address answers the executor's
 * connection (its {@code close()} leaves it open), so the job's nested tasks belong to the same
 * scheduler job and count against its workspace's quota. Finished reports how main ended; Stop
 * from the server interrupts main's thread.
 *
 * <p>Threading: {@code run} blocks the task's thread (main runs on it). Sends to the channel are
 * serialised by {@link dev.flotilla.runtime.internal.jobs.JobLink}; the batcher flushes from one
 * virtual thread. One driver per executor JVM at a time (executors are per job).
 */
package dev.flotilla.runtime.internal.jobs;
