package dev.flotilla.worker.store;

import static dev.flotilla.worker.store.StoreTesting.KIB;
import static dev.flotilla.worker.store.StoreTesting.bytes;
import static dev.flotilla.worker.store.StoreTesting.mapAll;
import static dev.flotilla.worker.store.StoreTesting.put;
import static dev.flotilla.worker.store.StoreTesting.readAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store of 1000 KiB holding objects of 400 KiB: the third one forces a spill. */
class ObjectStoreSpillTest {

  private static final int OBJECT = 400 * KIB;

  @TempDir Path tmp;
  private ObjectStore store;
  private final byte[] a = bytes(1, OBJECT);
  private final byte[] b = bytes(2, OBJECT);
  private final byte[] c = bytes(3, OBJECT);

  @BeforeEach
  void openStore() {
    store = new ObjectStore(tmp.resolve("shm"), tmp.resolve("spill"), 1000 * KIB);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void create_whenFull_spillsTheLeastRecentlyUsedObject() throws Exception {
    put(store, "a", a);
    put(store, "b", b);
    store.get("a");

    put(store, "c", c);

    assertInShm("a");
    assertSpilled("b");
    assertInShm("c");
    assertEquals(2 * OBJECT, store.usedBytes());
    assertEquals(OBJECT, store.spilledBytes());
  }

  @Test
  void get_spilledObject_restoresIdenticalBytesAndSpillsAnother() throws Exception {
    put(store, "a", a);
    put(store, "b", b);
    put(store, "c", c);

    StoredObject restored = store.get("a").orElseThrow();

    assertEquals(store.pathFor("a"), restored.path());
    assertArrayEquals(a, mapAll(restored));
    assertSpilled("b");
    assertEquals(2 * OBJECT, store.usedBytes());
    assertEquals(OBJECT, store.spilledBytes());
    assertArrayEquals(b, mapAll(store.get("b").orElseThrow()));
    assertArrayEquals(c, readAll(store, "c"));
  }

  @Test
  void pin_keepsAnObjectInMemoryWhenItIsTheLeastRecentlyUsed() throws Exception {
    put(store, "a", a);
    put(store, "b", b);
    store.pin("a");

    put(store, "c", c);

    assertInShm("a");
    assertSpilled("b");
  }

  @Test
  void unpin_makesAnObjectSpillableAgain() throws Exception {
    put(store, "a", a);
    store.acquire("a").orElseThrow();
    put(store, "b", b);
    store.unpin("a");

    put(store, "c", c);

    assertSpilled("a");
  }

  @Test
  void pins_areCounted() throws Exception {
    put(store, "a", a);
    put(store, "b", b);
    store.pin("b");
    store.pin("b");
    store.unpin("b");
    store.get("a");

    put(store, "c", c);

    assertInShm("b");
    assertSpilled("a");
  }

  @Test
  void create_whenEverythingIsPinned_throwsStoreFullSayingWhy() throws Exception {
    put(store, "a", a);
    put(store, "b", b);
    store.pin("a");
    store.pin("b");

    StoreFullException e = assertThrows(StoreFullException.class, () -> store.create("c", OBJECT));

    assertEquals("c", e.objectId());
    assertEquals(OBJECT, e.requiredBytes());
    assertEquals(200 * KIB, e.freeBytes());
    assertEquals(2 * OBJECT, e.pinnedBytes());
    assertEquals(
        "cannot store object c in shared memory: needs 400.0 KiB (409600 bytes) but only 200.0 KiB"
            + " (204800 bytes) is free or can be freed by spilling; 800.0 KiB (819200 bytes) is"
            + " pinned by running tasks and 0 bytes is being written or restored"
            + " (capacity 1000.0 KiB (1024000 bytes))",
        e.getMessage());
    assertFalse(store.contains("c"));
    assertEquals(2 * OBJECT, store.usedBytes());
  }

  @Test
  void create_largerThanCapacity_writesStraightToSpillAndGetReturnsThatPath() throws Exception {
    byte[] huge = bytes(4, 1500 * KIB);

    StoredObject sealed = put(store, "huge", huge);

    assertEquals(store.spillDir(), sealed.path().getParent());
    assertEquals(0, store.usedBytes());
    assertEquals(huge.length, store.spilledBytes());
    assertEquals(sealed, store.get("huge").orElseThrow());
    assertArrayEquals(huge, mapAll(sealed));
  }

  @Test
  void get_whenNoRoomCanBeMade_servesTheObjectFromSpill() throws Exception {
    put(store, "a", a);
    put(store, "b", b);
    put(store, "c", c);
    store.pin("b");
    store.pin("c");

    StoredObject got = store.get("a").orElseThrow();

    assertEquals(store.spillDir(), got.path().getParent());
    assertArrayEquals(a, mapAll(got));
    assertEquals(2 * OBJECT, store.usedBytes());
  }

  @Test
  void readChunks_spilledObject_readsFromDiskWithoutRestoring() throws Exception {
    put(store, "a", a);
    put(store, "b", b);
    put(store, "c", c);

    assertArrayEquals(a, readAll(store, "a"));

    assertSpilled("a");
    assertEquals(OBJECT, store.spilledBytes());
  }

  @Test
  void sealExisting_whenEverythingIsPinned_movesTheNewObjectToSpill() throws Exception {
    put(store, "a", a);
    put(store, "b", b);
    store.pin("a");
    store.pin("b");
    Files.write(store.pathFor("c"), c);

    StoredObject sealed = store.sealExisting("c", OBJECT);

    assertEquals(store.spillDir(), sealed.path().getParent());
    assertFalse(Files.exists(store.pathFor("c")));
    assertArrayEquals(c, mapAll(sealed));
    assertEquals(2 * OBJECT, store.usedBytes());
    assertEquals(OBJECT, store.spilledBytes());
  }

  @Test
  void sealExisting_whenFull_spillsOthers() throws Exception {
    put(store, "a", a);
    put(store, "b", b);
    Files.write(store.pathFor("c"), c);

    store.sealExisting("c", OBJECT);

    assertSpilled("a");
    assertInShm("c");
  }

  @Test
  void delete_spilledObject_freesTheSpillFile() throws Exception {
    put(store, "a", a);
    put(store, "b", b);
    put(store, "c", c);
    Path spillFile = store.spillDir().resolve("a");
    assertTrue(Files.exists(spillFile));

    assertTrue(store.delete("a"));

    assertFalse(Files.exists(spillFile));
    assertEquals(0, store.spilledBytes());
    assertEquals(2 * OBJECT, store.usedBytes());
  }

  @Test
  void create_whenTheSpillFails_keepsTheVictimInMemoryAndRefusesTheNewObject() throws Exception {
    put(store, "a", a);
    put(store, "b", b);
    StoreFiles.deleteTree(store.spillDir());

    assertThrows(UncheckedIOException.class, () -> store.create("c", OBJECT));

    assertInShm("a");
    assertFalse(store.contains("c"));
    assertEquals(2 * OBJECT, store.usedBytes());
    assertEquals(0, store.spilledBytes());
    assertArrayEquals(a, mapAll(store.get("a").orElseThrow()));
  }

  @Test
  void pin_unknownObject_throwsNoSuchElement() {
    assertThrows(NoSuchElementException.class, () -> store.pin("missing"));
  }

  @Test
  void unpin_objectNotPinned_throwsIllegalStateButUnknownIsIgnored() throws Exception {
    put(store, "a", a);

    assertThrows(IllegalStateException.class, () -> store.unpin("a"));
    store.unpin("deleted-meanwhile");
  }

  private void assertInShm(String id) {
    assertTrue(Files.exists(store.pathFor(id)), id + " should be in shared memory");
    assertFalse(Files.exists(store.spillDir().resolve(id)), id + " should not be on disk");
  }

  private void assertSpilled(String id) {
    assertFalse(Files.exists(store.pathFor(id)), id + " should have left shared memory");
    assertTrue(Files.exists(store.spillDir().resolve(id)), id + " should be on disk");
    assertTrue(store.contains(id));
  }
}
