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
 * <p>Threading: resource and service methods run on the Vert.x event loop and never block it;
 * reading and inflating an uploaded package runs on a worker thread ({@code executeBlocking}).
 * The inspector is pure and thread-safe.
 */
package dev.flotilla.apiserver.jobs;
