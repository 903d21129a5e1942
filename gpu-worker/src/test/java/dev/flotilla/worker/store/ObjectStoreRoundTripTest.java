package dev.flotilla.worker.store;

import static dev.flotilla.worker.store.StoreTesting.KIB;
import static dev.flotilla.worker.store.StoreTesting.MIB;
import static dev.flotilla.worker.store.StoreTesting.bytes;
import static dev.flotilla.worker.store.StoreTesting.crc;
import static dev.flotilla.worker.store.StoreTesting.mapAll;
import static dev.flotilla.worker.store.StoreTesting.put;
import static dev.flotilla.worker.store.StoreTesting.readAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectStoreRoundTripTest {

  @TempDir Path tmp;
  private ObjectStore store;

  @BeforeEach
  void openStore() {
    store = new ObjectStore(tmp.resolve("shm"), tmp.resolve("spill"), 128L * MIB);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void create_write64MiBInChunks_sealedObjectMapsToIdenticalBytes() throws Exception {
    long size = 64L * MIB;
    CRC32C written = new CRC32C();
    Random random = new Random(42);
    byte[] chunk = new byte[MIB];
    try (WritableObject object = store.create("big", size)) {
      for (long offset = 0; offset < size; offset += chunk.length) {
        random.nextBytes(chunk);
        written.update(chunk);
        object.write(offset, ByteBuffer.wrap(chunk));
      }
      StoredObject sealed = object.seal();

      assertEquals(new StoredObject("big", store.pathFor("big"), size), sealed);
    }
    StoredObject got = store.get("big").orElseThrow();
    try (Arena arena = Arena.ofConfined()) {
      assertEquals(written.getValue(), crc(got.map(arena)));
    }
    CRC32C streamed = new CRC32C();
    store.readChunks("big", 4 * MIB, (offset, bytes, total) -> streamed.update(bytes));
    assertEquals(written.getValue(), streamed.getValue());
    assertEquals(size, store.usedBytes());
    assertEquals(0, store.spilledBytes());
  }

  @Test
  void create_writeThroughSegment_isVisibleInTheFile() throws Exception {
    byte[] data = bytes(1, 200 * KIB);
    try (WritableObject object = store.create("seg", data.length)) {
      object.segment().copyFrom(MemorySegment.ofArray(data));
      object.seal();
    }
    assertArrayEquals(data, Files.readAllBytes(store.pathFor("seg")));
  }

  @Test
  void sealExisting_fileWrittenAtPathFor_isAccountedAndReadable() throws Exception {
    byte[] data = bytes(2, 300 * KIB);
    Files.write(store.pathFor("from-executor"), data);

    StoredObject sealed = store.sealExisting("from-executor", data.length);

    assertEquals(store.pathFor("from-executor"), sealed.path());
    assertEquals(data.length, store.usedBytes());
    assertTrue(store.contains("from-executor"));
    assertArrayEquals(data, mapAll(store.get("from-executor").orElseThrow()));
  }

  @Test
  void sealExisting_missingFile_throwsIllegalArgument() {
    var e = assertThrows(IllegalArgumentException.class, () -> store.sealExisting("none", 10));
    assertTrue(e.getMessage().contains("write it before sealing"), e.getMessage());
  }

  @Test
  void sealExisting_sizeDiffersFromFile_throwsIllegalArgument() throws IOException {
    Files.write(store.pathFor("short"), new byte[10]);

    var e = assertThrows(IllegalArgumentException.class, () -> store.sealExisting("short", 11));
    assertTrue(e.getMessage().contains("holds 10 bytes but 11 were declared"), e.getMessage());
    assertEquals(0, store.usedBytes());
  }

  @Test
  void create_existingId_throwsIllegalState() throws Exception {
    put(store, "dup", new byte[10]);

    var e = assertThrows(IllegalStateException.class, () -> store.create("dup", 10));
    assertTrue(e.getMessage().contains("already exists"), e.getMessage());
  }

  @Test
  void create_negativeSize_throwsIllegalArgument() {
    assertThrows(IllegalArgumentException.class, () -> store.create("neg", -1));
  }

  @Test
  void write_pastTheEnd_throwsIndexOutOfBounds() throws Exception {
    try (WritableObject object = store.create("small", 8)) {
      assertThrows(IndexOutOfBoundsException.class, () -> object.write(4, new byte[5]));
    }
  }

  @Test
  void abort_releasesCapacityAndDeletesFile() throws Exception {
    WritableObject object = store.create("aborted", MIB);
    assertEquals(MIB, store.usedBytes());
    assertFalse(store.contains("aborted"));

    object.abort();

    assertEquals(0, store.usedBytes());
    assertFalse(Files.exists(store.pathFor("aborted")));
    assertTrue(store.get("aborted").isEmpty());
    assertThrows(IllegalStateException.class, object::seal);
  }

  @Test
  void delete_sealedObject_freesCapacityAndFile() throws Exception {
    put(store, "gone", bytes(3, MIB));

    assertTrue(store.delete("gone"));

    assertEquals(0, store.usedBytes());
    assertFalse(Files.exists(store.pathFor("gone")));
    assertFalse(store.contains("gone"));
    assertFalse(store.delete("gone"));
  }

  @Test
  void delete_unknownIdWithAFileLeftByAnExecutor_removesTheFile() throws Exception {
    Files.write(store.pathFor("unsealed"), new byte[10]);
    assertThrows(IllegalArgumentException.class, () -> store.sealExisting("unsealed", 11));

    assertFalse(store.delete("unsealed"));

    assertFalse(Files.exists(store.pathFor("unsealed")));
  }

  @Test
  void delete_whileBeingWritten_makesSealFail() throws Exception {
    WritableObject object = store.create("racing", KIB);

    assertTrue(store.delete("racing"));

    assertEquals(0, store.usedBytes());
    var e = assertThrows(IllegalStateException.class, object::seal);
    assertTrue(e.getMessage().contains("deleted"), e.getMessage());
  }

  @Test
  void emptyObject_roundTripsAsOneEmptyChunk() throws Exception {
    StoredObject sealed = put(store, "empty", new byte[0]);
    List<String> seen = new ArrayList<>();

    store.readChunks(
        "empty", KIB, (offset, chunk, total) -> seen.add(offset + "+" + chunk.remaining()));

    assertEquals(0, sealed.size());
    assertEquals(List.of("0+0"), seen);
    assertEquals(0, mapAll(store.get("empty").orElseThrow()).length);
  }

  @Test
  void readChunks_streamsInOrderWithOffsets() throws Exception {
    byte[] data = bytes(4, 10_000);
    put(store, "chunked", data);
    List<String> seen = new ArrayList<>();

    store.readChunks(
        "chunked", 4096, (offset, chunk, total) -> seen.add(offset + "+" + chunk.remaining()));

    assertEquals(List.of("0+4096", "4096+4096", "8192+1808"), seen);
    assertArrayEquals(data, readAll(store, "chunked"));
  }

  @Test
  void readChunks_unknownObject_throwsNoSuchElement() {
    assertThrows(
        NoSuchElementException.class, () -> store.readChunks("nope", KIB, (o, c, t) -> {}));
  }

  @Test
  void pathFor_idThatIsNoPlainFileName_staysInsideShmDir() throws Exception {
    String id = "../tenant/a b/../../etc/passwd";

    Path path = store.pathFor(id);
    put(store, id, bytes(5, 100));

    assertEquals(store.shmDir(), path.getParent());
    assertEquals("obj-1.part_2", store.pathFor("obj-1.part_2").getFileName().toString());
    assertArrayEquals(bytes(5, 100), readAll(store, id));
  }

  @Test
  void constructor_sameDirectoryTwice_throwsIllegalArgument() {
    assertThrows(IllegalArgumentException.class, () -> new ObjectStore(tmp, tmp, 1));
  }

  @Test
  void close_deletesBothDirectoriesAndRejectsNewWork() throws Exception {
    put(store, "kept", bytes(6, KIB));

    store.close();

    assertFalse(Files.exists(store.shmDir()));
    assertFalse(Files.exists(store.spillDir()));
    assertThrows(IllegalStateException.class, () -> store.get("kept"));
    assertThrows(IllegalStateException.class, () -> store.create("new", 1));
    assertFalse(store.delete("kept"));
  }

  @Test
  void defaultShmRoot_isAWritableDirectory() {
    Path root = ObjectStore.defaultShmRoot();

    assertTrue(Files.isDirectory(root) && Files.isWritable(root), root.toString());
  }
}
