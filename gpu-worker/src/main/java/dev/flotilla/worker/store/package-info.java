/**
 * The node's object store: large objects in shared memory, shared by every executor on the node
 * without copying, spilled to disk when memory runs short.
 *
 * <p>Objects larger than the inline limit (100 KiB) live here, one file per object in the node's
 * directory under {@code /dev/shm} (or {@code java.io.tmpdir} where there is none, see {@link
 * dev.flotilla.worker.store.ObjectStore#defaultShmRoot()}). Executors map those files as {@link
 * java.lang.foreign.MemorySegment}s; other nodes fetch them in chunks over gRPC.
 *
 * <h2>Main types</h2>
 *
 * <ul>
 *   <li>{@link dev.flotilla.worker.store.ObjectStore} — creates, seals, finds, pins, spills,
 *       restores, streams and deletes objects, and accounts for their bytes against a capacity.
 *   <li>{@link dev.flotilla.worker.store.WritableObject} — an object being written through a mapped
 *       segment, until {@code seal()} or {@code abort()}.
 *   <li>{@link dev.flotilla.worker.store.StoredObject} — a sealed object: id, current file, size.
 *   <li>{@link dev.flotilla.worker.store.StoreFullException} — no room even after spilling every
 *       unpinned object; says what is needed, free and pinned.
 *   <li>{@link dev.flotilla.worker.store.ChunkConsumer} — receives an object's bytes in chunks for
 *       a cross-node fetch.
 * </ul>
 *
 * <h2>Spilling</h2>
 *
 * When a new or restored object does not fit, the least recently used sealed objects that nobody
 * has pinned are copied to the spill directory (a different file system: the copy really moves
 * bytes) until it fits. {@code get} brings a spilled object back, which may spill others. Pinned
 * objects — those being read by running tasks — never move. Objects larger than the whole capacity
 * live in the spill directory from the start.
 *
 * <h2>Threading</h2>
 *
 * {@code ObjectStore} is thread-safe. One lock guards the bookkeeping ({@code Ledger}); large
 * copies run without it, on the thread whose request needed them, and other threads asking for an
 * object in motion wait for that move to finish. Methods that block on file I/O say so.
 */
package dev.flotilla.worker.store;
