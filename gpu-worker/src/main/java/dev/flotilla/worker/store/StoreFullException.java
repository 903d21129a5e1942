package dev.flotilla.worker.store;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The store cannot make room for an object: spilling every unpinned object would still not free
 * enough shared memory, or the spill directory's file system lacks the space.
 *
 * <p>The message says how much was needed, how much is free and how much is held by pinned objects
 * (those being read by running tasks), which is usually the reason.
 */
public final class StoreFullException extends Exception {

  private final String objectId;
  private final long requiredBytes;
  private final long freeBytes;
  private final long pinnedBytes;

  private StoreFullException(
      String message, String objectId, long requiredBytes, long freeBytes, long pinnedBytes) {
    super(message);
    this.objectId = objectId;
    this.requiredBytes = requiredBytes;
    this.freeBytes = freeBytes;
    this.pinnedBytes = pinnedBytes;
  }

  static StoreFullException sharedMemory(
      String objectId, long required, long free, long pinned, long capacity, long inFlight) {
    return new StoreFullException(
        ("cannot store object %s in shared memory: needs %s but only %s is free or can be freed by"
                + " spilling; %s is pinned by running tasks and %s is being written or restored"
                + " (capacity %s)")
            .formatted(
                objectId,
                bytes(required),
                bytes(free),
                bytes(pinned),
                bytes(inFlight),
                bytes(capacity)),
        objectId,
        required,
        free,
        pinned);
  }

  static StoreFullException spillDisk(String objectId, long required, long usable, Path dir) {
    return new StoreFullException(
        "cannot spill object %s to disk: needs %s but only %s is free in %s"
            .formatted(objectId, bytes(required), bytes(usable), dir),
        objectId,
        required,
        usable,
        0);
  }

  /** The id of the object that did not fit. */
  public String objectId() {
    return objectId;
  }

  /** Bytes the object needed. */
  public long requiredBytes() {
    return requiredBytes;
  }

  /** Bytes that were free, or could have been freed by spilling, when the request failed. */
  public long freeBytes() {
    return freeBytes;
  }

  /** Bytes of shared memory held by pinned objects when the request failed (0 for disk). */
  public long pinnedBytes() {
    return pinnedBytes;
  }

  /** Formats a byte count for people: {@code 64.0 MiB (67108864 bytes)}. */
  static String bytes(long n) {
    if (n < 1024) {
      return n + " bytes";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double value = n;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s (%d bytes)", value, units[unit], n);
  }
}
