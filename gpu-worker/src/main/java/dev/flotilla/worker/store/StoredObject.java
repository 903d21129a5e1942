package dev.flotilla.worker.store;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A sealed object and the file that currently holds its bytes.
 *
 * <p>{@code path} is normally a file in the store's shared-memory directory; it is a file in the
 * spill directory when the object is larger than the store's whole capacity, or when it could not
 * be brought back into shared memory because everything there is pinned. Either file can be mapped
 * with {@link #map(Arena)}. The path stays valid only while the object is pinned (see {@link
 * ObjectStore#pin(String)}); an unpinned object may be moved to disk at any time.
 *
 * @param objectId the object's id
 * @param path the file holding the object's bytes
 * @param size the object's size in bytes
 */
public record StoredObject(String objectId, Path path, long size) {

  public StoredObject {
    Objects.requireNonNull(objectId, "objectId");
    Objects.requireNonNull(path, "path");
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, was " + size);
    }
  }

  /**
   * Maps the object's file read-only into {@code arena}, without copying. The segment stays valid
   * until the arena is closed, even if the store deletes or moves the file meanwhile. Blocks on
   * file I/O only.
   *
   * @throws IOException if the file is gone (the object was spilled or deleted) or cannot be read
   */
  public MemorySegment map(Arena arena) throws IOException {
    Objects.requireNonNull(arena, "arena");
    if (size == 0) {
      return MemorySegment.ofArray(new byte[0]);
    }
    try (FileChannel channel = FileChannel.open(path)) {
      return channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
    }
  }
}
