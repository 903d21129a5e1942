package dev.flotilla.worker.store;

import dev.flotilla.worker.store.Entry.State;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The store's bookkeeping: which objects exist and in which state, how many bytes of shared memory
 * and disk they take, and in what order they were last used. Every state change of an {@link Entry}
 * happens here, together with its byte counts.
 *
 * <p>Pure (no I/O, no clock: recency is a counter) and not thread-safe: {@link ObjectStore} calls
 * it only while holding its lock.
 */
final class Ledger {

  private final long capacity;
  private final Map<String, Entry> entries = new HashMap<>();
  private long used;
  private long spilled;
  private long clock;

  Ledger(long capacity) {
    this.capacity = capacity;
  }

  long capacity() {
    return capacity;
  }

  long used() {
    return used;
  }

  long spilled() {
    return spilled;
  }

  /** Every sealed object's id and size. */
  Map<String, Long> sealedSizes() {
    Map<String, Long> out = new HashMap<>();
    for (Entry e : entries.values()) {
      if (e.state.sealed()) {
        out.put(e.id, e.size);
      }
    }
    return out;
  }

  Entry get(String objectId) {
    return entries.get(objectId);
  }

  boolean isCurrent(Entry entry) {
    return entries.get(entry.id) == entry;
  }

  void checkAbsent(String objectId) {
    Entry existing = entries.get(objectId);
    if (existing != null) {
      throw new IllegalStateException(
          "object %s already exists (%s)"
              .formatted(objectId, existing.state.name().toLowerCase(Locale.ROOT)));
    }
  }

  /**
   * Claims {@code size} bytes of shared memory, moving to {@code SPILLING} the least recently used
   * unpinned objects that must leave to make room. The caller copies those to disk and reports each
   * with {@link #spillDone} or {@link #spillFailed}.
   */
  List<Entry> claimMemory(String objectId, long size) throws StoreFullException {
    long need = used + size - capacity;
    List<Entry> victims = List.of();
    if (need > 0) {
      victims =
          Eviction.choose(entries.values(), need)
              .orElseThrow(() -> Eviction.full(entries.values(), objectId, size, used, capacity));
      for (Entry victim : victims) {
        victim.state = State.SPILLING;
        used -= victim.size;
        spilled += victim.size;
      }
    }
    used += size;
    return victims;
  }

  /** Counts {@code size} more bytes on disk, for an object written or moved straight there. */
  void claimDisk(long size) {
    spilled += size;
  }

  /**
   * Registers a new entry whose bytes were claimed with {@code claimMemory} or {@code claimDisk}.
   */
  Entry add(Entry entry) {
    checkAbsent(entry.id);
    entries.put(entry.id, entry);
    touch(entry);
    return entry;
  }

  /** Forgets an entry that is not moving and gives back the bytes it holds. */
  void remove(Entry entry) {
    switch (entry.state) {
      case WRITING_SHM, SHM -> used -= entry.size;
      case WRITING_SPILL, SPILLED -> spilled -= entry.size;
      case SPILLING, RESTORING ->
          throw new IllegalStateException("object " + entry.id + " removed while moving");
    }
    entries.remove(entry.id);
  }

  void touch(Entry entry) {
    entry.lastUse = ++clock;
  }

  void sealed(Entry entry) {
    entry.state = entry.state == State.WRITING_SHM ? State.SHM : State.SPILLED;
    entry.writer = null;
    touch(entry);
  }

  void spillDone(Entry entry) {
    entry.state = State.SPILLED;
  }

  /** The copy to disk failed: the object stays in memory, counted there again. */
  void spillFailed(Entry entry) {
    entry.state = State.SHM;
    used += entry.size;
    spilled -= entry.size;
  }

  /**
   * Starts bringing a spilled object back, claiming its memory; returns the objects to spill first.
   */
  List<Entry> restoreStart(Entry entry) throws StoreFullException {
    List<Entry> victims = claimMemory(entry.id, entry.size);
    entry.state = State.RESTORING;
    return victims;
  }

  void restoreDone(Entry entry) {
    entry.state = State.SHM;
    spilled -= entry.size;
  }

  /** The copy back failed: the object stays on disk and its memory claim is returned. */
  void restoreFailed(Entry entry) {
    entry.state = State.SPILLED;
    used -= entry.size;
  }

  /**
   * Moving, or reserved for writing but its writer not yet attached: someone is about to change it,
   * so deleting or closing must wait.
   */
  static boolean busy(Entry entry) {
    return entry.state.moving() || (!entry.state.sealed() && entry.writer == null);
  }

  boolean anyBusy() {
    return entries.values().stream().anyMatch(Ledger::busy);
  }

  /** Forgets everything; returns the writers still open so the caller can unmap them. */
  List<WritableObject> clear() {
    List<WritableObject> writers = new ArrayList<>();
    entries.values().stream().map(e -> e.writer).filter(Objects::nonNull).forEach(writers::add);
    entries.clear();
    used = 0;
    spilled = 0;
    return writers;
  }
}
