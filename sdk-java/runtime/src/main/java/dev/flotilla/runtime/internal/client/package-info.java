/**
 * The driver side of the runtime: connections to the scheduler, refs, task submission and object
 * transfer.
 *
 * <p>{@link dev.flotilla.runtime.internal.client.FlotillaImpl} is one session of a job. Task
 * submission is asynchronous: {@code remote()} returns a ref at once and the ref's first {@code
 * get} waits for the scheduler's acknowledgement. Small objects (up to the cluster's inline limit)
 * travel in messages and are cached per connection by id (objects are immutable); large ones
 * stream in chunks to and from a node's store ({@link
 * dev.flotilla.runtime.internal.client.ObjectTransfer}), or are mapped from the local node's shared
 * memory inside executors. Unreachable refs are released in batches ({@link
 * dev.flotilla.runtime.internal.client.RefReleaser}).
 *
 * <p>Threading: every public type is thread-safe unless it says otherwise; blocking calls block
 * only the caller, and gRPC callbacks run on virtual threads, never on the common pool.
 */
package dev.flotilla.runtime.internal.client;
