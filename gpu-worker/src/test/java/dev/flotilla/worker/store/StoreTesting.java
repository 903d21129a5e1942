package dev.flotilla.worker.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32C;

/** Test data and read-back helpers for the object store tests. */
final class StoreTesting {

  static final int KIB = 1024;
  static final int MIB = 1024 * KIB;

  private StoreTesting() {}

  /** Deterministic pseudo-random bytes: the same seed and size give the same bytes. */
  static byte[] bytes(long seed, int size) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }

  /** Creates, writes and seals an object holding {@code data}. */
  static StoredObject put(ObjectStore store, String id, byte[] data) throws StoreFullException {
    WritableObject object = store.create(id, data.length);
    object.write(0, data);
    return object.seal();
  }

  /** Reads an object back through {@link ObjectStore#readChunks}. */
  static byte[] readAll(ObjectStore store, String id) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      store.readChunks(
          id,
          64 * KIB,
          (offset, chunk, total) -> {
            byte[] copy = new byte[chunk.remaining()];
            chunk.get(copy);
            out.write(copy);
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Maps a stored object's file and returns a copy of its bytes. */
  static byte[] mapAll(StoredObject object) {
    try (Arena arena = Arena.ofConfined()) {
      return object.map(arena).toArray(ValueLayout.JAVA_BYTE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long fileSize(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** CRC32C of a whole segment, read through its buffer view (no copy to the heap). */
  static long crc(MemorySegment segment) {
    CRC32C crc = new CRC32C();
    long chunk = 8L * MIB;
    for (long offset = 0; offset < segment.byteSize(); offset += chunk) {
      long length = Math.min(chunk, segment.byteSize() - offset);
      crc.update(segment.asSlice(offset, length).asByteBuffer());
    }
    return crc.getValue();
  }
}
