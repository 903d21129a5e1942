package dev.flotilla.worker.store;

import java.nio.file.Path;

/**
 * One object's bookkeeping. Every field is guarded by the owning store's lock; only {@link Ledger}
 * and the store change them.
 *
 * <p>{@code path} always names a file that holds (or, while writing, will hold) the object's bytes:
 * during {@link State#SPILLING} it is still the shared-memory file, during {@link State#RESTORING}
 * still the spill file; it switches to the new file once the copy is complete, before the old file
 * is deleted.
 */
final class Entry {

  /** Where an object is in its life; {@link Ledger} makes every transition. */
  enum State {
    /** Being written by a {@link WritableObject} into shared memory; counts as used. */
    WRITING_SHM,
    /** Being written straight to the spill directory (larger than the capacity). */
    WRITING_SPILL,
    /** Sealed, in shared memory; counts as used. */
    SHM,
    /** Sealed, being copied to disk; counts as spilled, its memory already promised elsewhere. */
    SPILLING,
    /** Sealed, on disk. */
    SPILLED,
    /** Sealed, being copied back from disk; counts as used and as spilled until done. */
    RESTORING;

    boolean sealed() {
      return this != WRITING_SHM && this != WRITING_SPILL;
    }

    boolean moving() {
      return this == SPILLING || this == RESTORING;
    }
  }

  final String id;
  final long size;
  State state;
  Path path;
  int pins;
  long lastUse;
  WritableObject writer;

  Entry(String id, long size, State state, Path path) {
    this.id = id;
    this.size = size;
    this.state = state;
    this.path = path;
  }

  StoredObject stored() {
    return new StoredObject(id, path, size);
  }
}
