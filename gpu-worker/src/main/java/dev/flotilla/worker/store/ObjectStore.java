package dev.flotilla.worker.store;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import dev.flotilla.worker.store.Entry.State;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A node's object store: one file per object in a shared-memory directory, so executors on the node
 * map objects as {@link java.lang.foreign.MemorySegment}s without copying, with least recently used
 * unpinned objects spilled to a disk directory when memory runs short.
 *
 * <p>An object's life: {@link #create} (or an executor writes {@link #pathFor} and the worker calls
 * {@link #sealExisting}) → sealed in shared memory → possibly spilled to disk → restored by {@link
 * #get} → {@link #delete}. Objects larger than the whole capacity are written straight to the spill
 * directory and stay there: {@code get} returns their spill path. {@code get} also returns the
 * spill path when an object cannot be restored because everything in memory is pinned; both kinds
 * of file can be mapped alike.
 *
 * <p>{@link #usedBytes()} counts shared memory claimed by objects being written, sealed in memory
 * or being restored; it stays within the capacity unless a spill fails. An evicted object's memory
 * counts as free as soon as it is chosen, but its file lives until its copy to disk completes: the
 * request that evicted it waits for that, while another request may take the part of it that was
 * not needed, so the directory may briefly exceed the capacity by less than the objects in flight.
 *
 * <p>Threading: thread-safe. One lock guards the bookkeeping; file copies (spill, restore) run
 * without it on the thread whose request needed them, so a spill delays only that request and
 * requests for the objects being moved. Methods block on file I/O as documented.
 */
public final class ObjectStore implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ObjectStore.class.getName());

  private final Path shmDir;
  private final Path spillDir;
  private final ReentrantLock lock = new ReentrantLock();

  /** Signalled whenever an entry finishes a move or its writer is attached. */
  private final Condition settled = lock.newCondition();

  /** Guarded by {@link #lock}. */
  private final Ledger ledger;

  /** Guarded by {@link #lock}. */
  private boolean closed;

  /**
   * Opens a store. Creates both directories if needed; the store owns them and deletes them on
   * {@link #close()}.
   *
   * @param shmDir this node's directory in shared memory, e.g. {@code
   *     defaultShmRoot().resolve("flotilla-" + nodeId)}
   * @param spillDir this node's directory on disk for spilled objects; must differ from shmDir
   * @param capacityBytes how many bytes of shared memory objects may use
   */
  public ObjectStore(Path shmDir, Path spillDir, long capacityBytes) {
    this.shmDir = Objects.requireNonNull(shmDir, "shmDir").toAbsolutePath().normalize();
    this.spillDir = Objects.requireNonNull(spillDir, "spillDir").toAbsolutePath().normalize();
    if (capacityBytes < 0) {
      throw new IllegalArgumentException("capacityBytes must be >= 0, was " + capacityBytes);
    }
    if (this.shmDir.equals(this.spillDir)) {
      throw new IllegalArgumentException("shmDir and spillDir must differ, both are " + shmDir);
    }
    this.ledger = new Ledger(capacityBytes);
    StoreFiles.createDirectories(this.shmDir);
    StoreFiles.createDirectories(this.spillDir);
    long shmFree = StoreFiles.usableSpace(this.shmDir);
    if (shmFree < capacityBytes) {
      // Writing a mapped page that tmpfs cannot back fails the writer with an InternalError.
      LOG.log(
          WARNING,
          "object store capacity {0} exceeds the {1} free in {2}",
          StoreFullException.bytes(capacityBytes),
          StoreFullException.bytes(shmFree),
          this.shmDir);
    }
  }

  /** {@code /dev/shm} when it exists and is writable, otherwise {@code java.io.tmpdir}. */
  public static Path defaultShmRoot() {
    Path shm = Path.of("/dev/shm");
    if (Files.isDirectory(shm) && Files.isWritable(shm)) {
      return shm;
    }
    return Path.of(System.getProperty("java.io.tmpdir"));
  }

  public Path shmDir() {
    return shmDir;
  }

  public Path spillDir() {
    return spillDir;
  }

  /**
   * Where an executor should create the file for a new object before {@link #sealExisting}. Any id
   * is accepted: ids that are not plain file names are encoded.
   */
  public Path pathFor(String objectId) {
    return shmDir.resolve(ObjectFileNames.of(Objects.requireNonNull(objectId, "objectId")));
  }

  /**
   * Where an executor writes a new object inside {@code area}, a directory this store created with
   * {@link #stagingArea}; {@link #sealExisting(String, long, Path)} moves it into place.
   */
  public Path stagingPathFor(String objectId, Path area) {
    if (!area.getParent().equals(shmDir)) {
      throw new IllegalArgumentException(area + " is not a staging area of " + shmDir);
    }
    return area.resolve(ObjectFileNames.of(Objects.requireNonNull(objectId, "objectId")));
  }

  /**
   * A directory in shared memory where one set of executors (one OS user's) writes new objects.
   * Its name starts with a dot, which no object file name does. Created if needed.
   */
  public Path stagingArea(String name) {
    if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException("bad staging area name: " + name);
    }
    Path area = shmDir.resolve(".staging-" + name);
    StoreFiles.createDirectories(area);
    return area;
  }

  /** Removes a file an executor left in a staging area (a result that could not be sealed). */
  public void discardStaged(Path file) {
    if (isStaged(file)) {
      StoreFiles.deleteQuietly(file);
    }
  }

  private boolean isStaged(Path file) {
    Path area = file.getParent();
    return area != null && shmDir.equals(area.getParent()) && area.getFileName().toString().startsWith(".staging-");
  }

  private void moveIntoPlace(String objectId, Path from, Path to) {
    if (!isStaged(from)) {
      throw new IllegalArgumentException(from + " is not in a staging area of " + shmDir);
    }
    try {
      if (!StoreFiles.moveIfPresent(from, to)) {
        throw new IllegalArgumentException("object " + objectId + " has no file at " + from + "; write it before sealing");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move object " + objectId + " from " + from, e);
    }
  }

  private Path spillPathFor(String objectId) {
    return spillDir.resolve(ObjectFileNames.of(objectId));
  }

  /**
   * Reserves space for a new object and creates and maps its file. Blocks while spilling other
   * objects to make room. An object larger than the whole capacity is created in the spill
   * directory instead.
   *
   * @throws StoreFullException if spilling every unpinned object would not make room
   * @throws IllegalStateException if the id is already stored or being written, or the store is
   *     closed
   * @throws UncheckedIOException if the file cannot be created or a spill fails
   */
  public WritableObject create(String objectId, long size) throws StoreFullException {
    checkSize(size);
    Path shmPath = pathFor(objectId);
    Entry entry;
    List<Entry> victims = List.of();
    lock.lock();
    try {
      ensureOpen();
      ledger.checkAbsent(objectId);
      if (size > ledger.capacity()) {
        requireSpillSpace(objectId, size);
        ledger.claimDisk(size);
        entry = new Entry(objectId, size, State.WRITING_SPILL, spillPathFor(objectId));
      } else {
        victims = ledger.claimMemory(objectId, size);
        entry = new Entry(objectId, size, State.WRITING_SHM, shmPath);
      }
      ledger.add(entry);
    } finally {
      lock.unlock();
    }
    try {
      spillAll(victims);
      WritableObject writer = WritableObject.open(this, entry);
      withLock(
          () -> {
            entry.writer = writer;
            settled.signalAll();
          });
      return writer;
    } catch (IOException e) {
      discard(entry);
      throw new UncheckedIOException("cannot create object " + objectId + " at " + entry.path, e);
    } catch (RuntimeException | Error e) {
      discard(entry);
      throw e;
    }
  }

  /**
   * Accounts for an object an executor has already written to {@link #pathFor}, spilling others to
   * make room. Blocks while files are copied. When no room can be made (everything pinned), or the
   * object is larger than the capacity, the new object itself is moved to the spill directory: its
   * bytes exist already and losing them would fail the task.
   *
   * @throws IllegalArgumentException if the file is missing or its size is not {@code size}
   * @throws StoreFullException if the object must go to disk and the disk lacks the space; the file
   *     is then left where it is, unaccounted: {@link #delete} removes it
   * @throws IllegalStateException if the id is already stored, or the store is closed
   */
  public StoredObject sealExisting(String objectId, long size) throws StoreFullException {
    return sealExisting(objectId, size, pathFor(objectId));
  }

  /**
   * Like {@link #sealExisting(String, long)} for a file the executor wrote at {@code writtenAt}, a
   * path from {@link #stagingPathFor}: the file is first moved to {@link #pathFor}.
   */
  public StoredObject sealExisting(String objectId, long size, Path writtenAt) throws StoreFullException {
    checkSize(size);
    Path shmPath = pathFor(objectId);
    if (!writtenAt.equals(shmPath)) {
      moveIntoPlace(objectId, writtenAt, shmPath);
    }
    StoreFiles.checkWritten(objectId, shmPath, size);
    Entry entry;
    List<Entry> victims = List.of();
    boolean toDisk = size > ledger.capacity();
    lock.lock();
    try {
      ensureOpen();
      ledger.checkAbsent(objectId);
      if (!toDisk) {
        try {
          victims = ledger.claimMemory(objectId, size);
        } catch (StoreFullException full) {
          LOG.log(INFO, "spilling new object {0} at once: {1}", objectId, full.getMessage());
          toDisk = true;
        }
      }
      if (toDisk) {
        requireSpillSpace(objectId, size);
        ledger.claimDisk(size);
      }
      entry = ledger.add(new Entry(objectId, size, toDisk ? State.SPILLING : State.SHM, shmPath));
    } finally {
      lock.unlock();
    }
    try {
      spillAll(toDisk ? List.of(entry) : victims);
    } catch (UncheckedIOException e) {
      // The bytes stay in shared memory and are counted there, over capacity if need be.
      LOG.log(WARNING, "spill failed while sealing {0}: {1}", objectId, e.toString());
    }
    return underLock(entry::stored);
  }

  /**
   * Returns a sealed object, first restoring it into shared memory if it was spilled (which may
   * spill others). Blocks while files are copied, and while another thread moves this object.
   * Returns the spill path when the object cannot be restored (larger than the capacity, or
   * everything in memory pinned, or the copy failed). Pin the object before calling this if its
   * path must stay valid while you read it, or use {@link #acquire}.
   *
   * @return the object, or empty if it is unknown or not sealed yet
   */
  public Optional<StoredObject> get(String objectId) {
    return lookup(objectId, false);
  }

  /**
   * Like {@link #get}, but also pins the object in the same step, so it cannot be spilled between
   * the lookup and the read. Call {@link #unpin} when done. Nothing is pinned if empty is returned.
   */
  public Optional<StoredObject> acquire(String objectId) {
    return lookup(objectId, true);
  }

  private Optional<StoredObject> lookup(String objectId, boolean pin) {
    Objects.requireNonNull(objectId, "objectId");
    Entry entry;
    List<Entry> victims;
    lock.lock();
    try {
      while (true) {
        ensureOpen();
        entry = ledger.get(objectId);
        if (entry == null || !entry.state.sealed()) {
          return Optional.empty();
        }
        if (!entry.state.moving()) {
          break;
        }
        settled.awaitUninterruptibly();
      }
      ledger.touch(entry);
      if (pin) {
        entry.pins++;
      }
      if (entry.state == State.SHM || entry.size > ledger.capacity()) {
        return Optional.of(entry.stored());
      }
      try {
        victims = ledger.restoreStart(entry);
      } catch (StoreFullException full) {
        LOG.log(DEBUG, "serving {0} from disk: {1}", objectId, full.getMessage());
        return Optional.of(entry.stored());
      }
    } finally {
      lock.unlock();
    }
    return Optional.of(restore(entry, victims));
  }

  /** Every sealed object's id and size (in memory or on disk), e.g. to report after a scheduler restart. */
  public java.util.Map<String, Long> sealedSizes() {
    return underLock(ledger::sealedSizes);
  }

  /** True if the object is sealed (in memory or on disk). */
  public boolean contains(String objectId) {
    return underLock(
        () -> {
          Entry entry = ledger.get(objectId);
          return entry != null && entry.state.sealed();
        });
  }

  /**
   * Keeps a sealed object from being spilled until a matching {@link #unpin}; pins are counted.
   * Pinning a spilled object does not restore it; a following {@link #get} does, and the pin then
   * keeps it in memory.
   *
   * @throws NoSuchElementException if no sealed object has this id
   */
  public void pin(String objectId) {
    withLock(
        () -> {
          Entry entry = ledger.get(objectId);
          if (entry == null || !entry.state.sealed()) {
            throw new NoSuchElementException("no sealed object " + objectId + " to pin");
          }
          entry.pins++;
          ledger.touch(entry);
        });
  }

  /**
   * Releases one pin. Unpinning a deleted object does nothing, so readers may unpin in a {@code
   * finally} block whatever happened meanwhile.
   *
   * @throws IllegalStateException if the object exists but is not pinned
   */
  public void unpin(String objectId) {
    withLock(
        () -> {
          Entry entry = ledger.get(objectId);
          if (entry != null && entry.pins == 0) {
            throw new IllegalStateException("object " + objectId + " is not pinned");
          }
          if (entry != null) {
            entry.pins--;
          }
        });
  }

  /**
   * Deletes an object wherever it is and frees its space, pinned or not (readers that mapped it
   * keep their mapping). An object being written is discarded; its writer's {@code seal} then
   * fails. Blocks while the object is being moved. For an unknown id, a file an executor left at
   * {@link #pathFor} (a result that could not be sealed) is removed.
   *
   * @return false if there was no such object
   */
  public boolean delete(String objectId) {
    Entry entry;
    lock.lock();
    try {
      entry = ledger.get(objectId);
      while (entry != null && Ledger.busy(entry)) {
        settled.awaitUninterruptibly();
        entry = ledger.get(objectId);
      }
      if (entry == null) {
        // Under the lock, so a create() of this id cannot have made its file yet.
        StoreFiles.deleteQuietly(pathFor(objectId));
        return false;
      }
      ledger.remove(entry);
      settled.signalAll();
    } finally {
      lock.unlock();
    }
    StoreFiles.deleteQuietly(entry.path);
    return true;
  }

  /**
   * Streams a sealed object's bytes to {@code consumer} in chunks of at most {@code chunkSize},
   * from wherever the object is (a spilled object is read from disk, not restored). Blocks on file
   * I/O and on the consumer; holds no lock while streaming.
   *
   * @throws NoSuchElementException if no sealed object has this id
   * @throws IOException if reading fails or the consumer throws
   */
  public void readChunks(String objectId, int chunkSize, ChunkConsumer consumer)
      throws IOException {
    if (chunkSize <= 0) {
      throw new IllegalArgumentException("chunkSize must be > 0, was " + chunkSize);
    }
    Objects.requireNonNull(consumer, "consumer");
    long size;
    FileChannel channel;
    lock.lock();
    try {
      ensureOpen();
      Entry entry = ledger.get(objectId);
      if (entry == null || !entry.state.sealed()) {
        throw new NoSuchElementException("no sealed object " + objectId + " to read");
      }
      size = entry.size;
      // Opened under the lock: a move deletes the old file only after switching the path, and an
      // open channel keeps reading a deleted file.
      channel = FileChannel.open(entry.path);
    } finally {
      lock.unlock();
    }
    try (channel) {
      ChunkReader.stream(objectId, channel, size, chunkSize, consumer);
    }
  }

  /** Bytes of shared memory claimed by objects being written, stored in memory, or restored. */
  public long usedBytes() {
    return underLock(ledger::used);
  }

  public long capacityBytes() {
    return ledger.capacity();
  }

  /** Bytes of objects on disk, being spilled, or written straight to disk. */
  public long spilledBytes() {
    return underLock(ledger::spilled);
  }

  /**
   * Waits for files being moved, unmaps open writers and deletes both directories with every object
   * in them. Later calls fail with {@link IllegalStateException}, except {@code delete}, {@code
   * unpin} and {@code close}, which do nothing.
   */
  @Override
  public void close() {
    List<WritableObject> writers;
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      while (ledger.anyBusy()) {
        settled.awaitUninterruptibly();
      }
      writers = ledger.clear();
      settled.signalAll();
    } finally {
      lock.unlock();
    }
    writers.forEach(WritableObject::unmap);
    StoreFiles.deleteTree(shmDir);
    StoreFiles.deleteTree(spillDir);
  }

  // ---- called by WritableObject ----

  StoredObject sealWritten(Entry entry) {
    return underLock(
        () -> {
          if (!ledger.isCurrent(entry)) {
            throw new IllegalStateException(
                "object " + entry.id + " was deleted, or the store closed, while being written");
          }
          ledger.sealed(entry);
          return entry.stored();
        });
  }

  /** Forgets an entry still being written and deletes its file, unless it is already gone. */
  void discard(Entry entry) {
    lock.lock();
    try {
      if (!ledger.isCurrent(entry)) {
        return;
      }
      ledger.remove(entry);
      settled.signalAll();
    } finally {
      lock.unlock();
    }
    StoreFiles.deleteQuietly(entry.path);
  }

  // ---- helpers ----

  private void requireSpillSpace(String objectId, long size) throws StoreFullException {
    long usable = StoreFiles.usableSpace(spillDir);
    if (usable < size) {
      throw StoreFullException.spillDisk(objectId, size, usable, spillDir);
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("object store " + shmDir + " is closed");
    }
  }

  private static void checkSize(long size) {
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, was " + size);
    }
  }

  // ---- file moves, without the lock ----

  /**
   * Spills every victim; tries them all, then throws the first failure (those that failed stay in
   * memory), so that no victim is left marked as moving.
   */
  private void spillAll(List<Entry> victims) {
    Throwable failure = null;
    for (Entry victim : victims) {
      try {
        spill(victim);
      } catch (IOException | RuntimeException | Error e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    switch (failure) {
      case null -> {}
      case IOException e -> throw new UncheckedIOException("cannot spill to " + spillDir, e);
      case RuntimeException e -> throw e;
      case Error e -> throw e;
      default -> throw new IllegalStateException(failure);
    }
  }

  /** Copies a {@code SPILLING} entry to disk; on failure it is back in memory and counted there. */
  private void spill(Entry entry) throws IOException {
    Path source = underLock(() -> entry.path);
    Path target = spillPathFor(entry.id);
    try {
      StoreFiles.copy(source, target);
    } catch (IOException | RuntimeException | Error e) {
      withLock(
          () -> {
            ledger.spillFailed(entry);
            settled.signalAll();
          });
      throw e;
    }
    // Switch the path before deleting the source, so readers always open a complete file; stay
    // SPILLING until the source is gone so a restore cannot recreate it first.
    withLock(() -> entry.path = target);
    StoreFiles.deleteQuietly(source);
    withLock(
        () -> {
          ledger.spillDone(entry);
          settled.signalAll();
        });
    LOG.log(DEBUG, "spilled objectId={0} bytes={1}", entry.id, Long.toString(entry.size));
  }

  /**
   * Copies a {@code RESTORING} entry back to memory after spilling the victims of its reservation.
   */
  private StoredObject restore(Entry entry, List<Entry> victims) {
    Path source = underLock(() -> entry.path);
    Path target = pathFor(entry.id);
    try {
      spillAll(victims);
      StoreFiles.copy(source, target);
    } catch (IOException | RuntimeException | Error e) {
      StoredObject onDisk =
          underLock(
              () -> {
                ledger.restoreFailed(entry);
                settled.signalAll();
                return entry.stored();
              });
      if (e instanceof IOException || e instanceof UncheckedIOException) {
        LOG.log(WARNING, "cannot restore {0}, serving it from disk: {1}", entry.id, e.toString());
        return onDisk;
      }
      if (e instanceof Error error) {
        throw error;
      }
      throw (RuntimeException) e;
    }
    withLock(() -> entry.path = target);
    StoreFiles.deleteQuietly(source);
    LOG.log(DEBUG, "restored objectId={0} bytes={1}", entry.id, Long.toString(entry.size));
    return underLock(
        () -> {
          ledger.restoreDone(entry);
          settled.signalAll();
          return entry.stored();
        });
  }

  private <T> T underLock(Supplier<T> action) {
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }

  private void withLock(Runnable action) {
    lock.lock();
    try {
      action.run();
    } finally {
      lock.unlock();
    }
  }
}
