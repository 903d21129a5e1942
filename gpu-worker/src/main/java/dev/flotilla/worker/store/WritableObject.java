package dev.flotilla.worker.store;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An object being written: capacity is reserved and its file is created and mapped. Fill it through
 * {@link #segment()} or the {@code write} methods, then {@link #seal()} it (or {@link #abort()} to
 * give the space back).
 *
 * <p>Threading: several threads may write disjoint ranges concurrently; {@code seal}, {@code abort}
 * and {@code close} may be called from any thread, once writing is done. The segment becomes
 * unusable when the object is sealed, aborted or deleted, or the store is closed.
 */
public final class WritableObject implements AutoCloseable {

  private final ObjectStore store;
  private final Entry entry;
  private final Arena arena;
  private final MemorySegment segment;
  private final AtomicBoolean finished = new AtomicBoolean();
  private final AtomicBoolean unmapped = new AtomicBoolean();

  private WritableObject(ObjectStore store, Entry entry, Arena arena, MemorySegment segment) {
    this.store = store;
    this.entry = entry;
    this.arena = arena;
    this.segment = segment;
  }

  /** Creates (or truncates) the entry's file, sizes it and maps it read-write. */
  static WritableObject open(ObjectStore store, Entry entry) throws IOException {
    if (entry.size == 0) {
      createChannel(entry.path).close();
      return new WritableObject(store, entry, null, MemorySegment.ofArray(new byte[0]));
    }
    Arena arena = Arena.ofShared();
    try (FileChannel channel = createChannel(entry.path)) {
      // Mapping past the end grows the file; on tmpfs its pages are allocated as they are written.
      MemorySegment segment = channel.map(FileChannel.MapMode.READ_WRITE, 0, entry.size, arena);
      return new WritableObject(store, entry, arena, segment);
    } catch (IOException | RuntimeException e) {
      arena.close();
      throw e;
    }
  }

  private static FileChannel createChannel(Path path) throws IOException {
    return FileChannel.open(path, CREATE_OPTIONS, StoreFiles.ownerOnly(path));
  }

  private static final java.util.Set<StandardOpenOption> CREATE_OPTIONS = java.util.EnumSet.of(
      StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.READ, StandardOpenOption.WRITE);

  public String objectId() {
    return entry.id;
  }

  public long size() {
    return entry.size;
  }

  /** The file being written: in shared memory, or in the spill directory for oversized objects. */
  public Path path() {
    return entry.path;
  }

  /** The whole object, mapped read-write. Valid until sealed, aborted, deleted or store closed. */
  public MemorySegment segment() {
    return segment;
  }

  /** Copies all of {@code bytes} to {@code offset}. */
  public void write(long offset, byte[] bytes) {
    write(offset, bytes, 0, bytes.length);
  }

  /**
   * Copies {@code length} bytes of {@code bytes} from {@code from} to the object at {@code offset}.
   */
  public void write(long offset, byte[] bytes, int from, int length) {
    Objects.checkFromIndexSize(from, length, bytes.length);
    MemorySegment.copy(MemorySegment.ofArray(bytes), from, segment, offset, length);
  }

  /**
   * Copies the remaining bytes of {@code buffer} to {@code offset} and advances the buffer's
   * position to its limit.
   *
   * @throws IndexOutOfBoundsException if the bytes would run past the object's end
   */
  public void write(long offset, ByteBuffer buffer) {
    int length = buffer.remaining();
    if (offset < 0 || offset + length > entry.size) {
      throw new IndexOutOfBoundsException(
          "write of " + length + " bytes at " + offset + " runs past the object's " + entry.size + " bytes");
    }
    // pwrite rather than a copy into the mapping: a fresh shared-memory mapping faults on every
    // 4 KiB page, which made 64 MiB puts cost ~0.5-1 s of CPU; the kernel's write path fills
    // pages in bulk.
    try {
      FileChannel ch = writer();
      long at = offset;
      while (buffer.hasRemaining()) {
        at += ch.write(buffer, at);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot write object " + entry.id, e);
    }
  }

  private FileChannel writeChannel;

  private synchronized FileChannel writer() throws IOException {
    if (writeChannel == null) {
      writeChannel = FileChannel.open(entry.path, java.nio.file.StandardOpenOption.WRITE);
    }
    return writeChannel;
  }

  private synchronized void closeWriter() {
    if (writeChannel != null) {
      try {
        writeChannel.close();
      } catch (IOException e) {
        // nothing was left unwritten: every write completed before returning
      }
      writeChannel = null;
    }
  }

  /**
   * Makes the object readable: unmaps it here and records it as stored. Blocks briefly on the
   * store's lock.
   *
   * @throws IllegalStateException if already sealed or aborted, or the object was deleted or the
   *     store closed while it was being written
   */
  public StoredObject seal() {
    if (!finished.compareAndSet(false, true)) {
      throw new IllegalStateException("object " + entry.id + " was already sealed or aborted");
    }
    closeWriter();
    unmap();
    return store.sealWritten(entry);
  }

  /** Discards the object and frees its space. No effect once sealed or aborted. */
  public void abort() {
    if (finished.compareAndSet(false, true)) {
      closeWriter();
      unmap();
      store.discard(entry);
    }
  }

  /** Same as {@link #abort()}: closing without sealing discards the object. */
  @Override
  public void close() {
    abort();
  }

  /** Releases the mapping; safe to call twice and from the store's {@code close}. */
  void unmap() {
    if (arena != null && unmapped.compareAndSet(false, true)) {
      try {
        arena.close();
      } catch (IllegalStateException e) {
        // A thread is still using the segment (a caller bug): leave it mapped rather than fail.
      }
    }
  }
}
