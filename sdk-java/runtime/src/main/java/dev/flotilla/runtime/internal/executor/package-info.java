/**
 * The executor: the only place a tenant's code and bytes are turned back into objects.
 *
 * <p>{@link dev.flotilla.runtime.internal.executor.ExecutorMain} is the main class of an executor
 * JVM that a gpu-worker starts per (job, GPU set). Tasks arrive on one stream from the worker and
 * run concurrently on virtual threads (the scheduler's resource accounting bounds how many).
 * Each code package gets its own class loader above the runtime. Stored arguments are mapped
 * read-only from the node's shared-memory files; large results are written into the store
 * directory at the path the worker chose.
 */
package dev.flotilla.runtime.internal.executor;
