package dev.flotilla.worker.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Chooses which objects to spill: the least recently used, unpinned, sealed ones in memory. */
final class Eviction {

  private Eviction() {}

  /**
   * Returns the fewest least-recently-used spillable entries whose sizes add up to at least {@code
   * needBytes}, or empty if all the spillable entries together are not enough. Pure: changes
   * nothing.
   */
  static Optional<List<Entry>> choose(Collection<Entry> entries, long needBytes) {
    List<Entry> candidates =
        entries.stream()
            .filter(Eviction::spillable)
            .sorted(Comparator.comparingLong(e -> e.lastUse))
            .toList();
    List<Entry> victims = new ArrayList<>();
    long freed = 0;
    for (Entry e : candidates) {
      if (freed >= needBytes) {
        break;
      }
      victims.add(e);
      freed += e.size;
    }
    return freed >= needBytes ? Optional.of(victims) : Optional.empty();
  }

  static boolean spillable(Entry e) {
    return e.state == Entry.State.SHM && e.pins == 0;
  }

  /** Explains why {@code size} bytes cannot be made room for among {@code entries}. */
  static StoreFullException full(
      Collection<Entry> entries, String objectId, long size, long used, long capacity) {
    long pinned = 0;
    long spillable = 0;
    long inFlight = 0;
    for (Entry e : entries) {
      switch (e.state) {
        case SHM -> {
          if (e.pins > 0) {
            pinned += e.size;
          } else {
            spillable += e.size;
          }
        }
        case WRITING_SHM, RESTORING -> inFlight += e.size;
        case WRITING_SPILL, SPILLING, SPILLED -> {}
      }
    }
    long free = Math.max(0, capacity - used) + spillable;
    return StoreFullException.sharedMemory(objectId, size, free, pinned, capacity, inFlight);
  }
}
