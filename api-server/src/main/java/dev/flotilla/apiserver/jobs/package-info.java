/**
 * The jobs API: a workspace's batch jobs, submitted over REST as a code package (jar) with a main
 * class, arguments and resources.
 *
 * <p>{@link dev.flotilla.apiserver.jobs.JobResource} serves
 * {@code /api/v1/tenants/{t}/workspaces/{w}/jobs}; {@link dev.flotilla.apiserver.jobs.JobService}
 * checks the spec ({@code JobSpecs}) and the package ({@link
 * dev.flotilla.apiserver.jobs.CodePackageInspector}: zip slip, absolute paths, symbolic links, entry
 * count, inflated size, compression ratio — each a 422 naming the reason) and commits the job row,
 * the package bytes and the audit row in one transaction before answering, so an acknowledged
 * submission is durable; the {@code Idempotency-Key} makes a retry find the first job. {@link
 * dev.flotilla.apiserver.jobs.BodyLimits} caps request sizes per endpoint (413).
 *
 * <p>Running: {@link dev.flotilla.apiserver.jobs.JobRunner} launches each committed QUEUED job
 * through the {@code launch} package's {@code PlatformLauncher} (the SDK's {@code JobDriver} as
 * entrypoint, a per-launch secret kept as a hash in {@code JobRuns}), follows the entrypoint's
 * outcome and ends the job's scheduler session when it is over. {@link
 * dev.flotilla.apiserver.jobs.JobChannelService} is the driver's way back ({@code JobChannel} on
 * the edge's port): Hello → RUNNING, log lines → {@code job_log_line} (within a {@code
 * LogBudget}), Finished → SUCCEEDED/FAILED. {@code JobRecords} makes every state change
 * conditional on the job not being final; {@code LogFollower} streams a log as it grows, woken by
 * {@code LogSignals}.
 *
 * <p>Threading: resource and service methods run on the Vert.x event loop and never block it;
 * reading and inflating an uploaded package runs on a worker thread ({@code executeBlocking}).
 * The inspector is pure and thread-safe. The runner, the channel and the follower block only on
 * virtual threads of their own (or the edge's), awaiting the database through
 * {@code VertxContextSupport}.
 */
package dev.flotilla.apiserver.jobs;
