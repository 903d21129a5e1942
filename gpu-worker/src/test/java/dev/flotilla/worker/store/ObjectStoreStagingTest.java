package dev.flotilla.worker.store;

import static dev.flotilla.worker.store.StoreTesting.KIB;
import static dev.flotilla.worker.store.StoreTesting.bytes;
import static dev.flotilla.worker.store.StoreTesting.mapAll;
import static dev.flotilla.worker.store.StoreTesting.put;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Results an executor running as a tenant's own OS user writes into its staging area, and the
 * modes object files keep: readable by their owner only, in memory and after a spill.
 */
class ObjectStoreStagingTest {

  private static final int OBJECT = 400 * KIB;

  @TempDir Path tmp;
  private ObjectStore store;

  @BeforeEach
  void openStore() {
    store = new ObjectStore(tmp.resolve("shm"), tmp.resolve("spill"), 1000 * KIB);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void sealExisting_fileInStagingArea_movesItIntoPlace() throws Exception {
    Path area = store.stagingArea("flt-0123456789ab");
    Path written = store.stagingPathFor("result", area);
    byte[] data = bytes(7, OBJECT);
    Files.write(written, data);

    StoredObject sealed = store.sealExisting("result", data.length, written);

    assertEquals(store.pathFor("result"), sealed.path());
    assertFalse(Files.exists(written), "the staged file was moved, not copied");
    assertArrayEquals(data, mapAll(store.get("result").orElseThrow()));
    assertEquals(data.length, store.usedBytes());
  }

  @Test
  void stagingArea_isADotDirectoryOfTheShmDirAndNotAnObject() {
    Path area = store.stagingArea("flt-a");

    assertEquals(store.shmDir(), area.getParent());
    assertTrue(area.getFileName().toString().startsWith("."), area.toString());
    assertTrue(Files.isDirectory(area));
  }

  @Test
  void stagingArea_nameThatCouldEscape_isRejected() {
    var e = assertThrows(IllegalArgumentException.class, () -> store.stagingArea("../etc"));
    assertTrue(e.getMessage().contains("bad staging area name"), e.getMessage());
  }

  @Test
  void stagingPathFor_directoryThatIsNotAStagingArea_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> store.stagingPathFor("x", tmp));
  }

  @Test
  void sealExisting_fileOutsideAnyStagingArea_isRejectedAndNothingIsAccounted() throws Exception {
    Path elsewhere = Files.write(tmp.resolve("planted"), new byte[10]);

    var e = assertThrows(IllegalArgumentException.class, () -> store.sealExisting("planted", 10, elsewhere));

    assertTrue(e.getMessage().contains("not in a staging area"), e.getMessage());
    assertTrue(Files.exists(elsewhere), "a file outside the store is never moved");
    assertFalse(store.contains("planted"));
    assertEquals(0, store.usedBytes());
  }

  @Test
  void sealExisting_stagedFileMissing_saysToWriteItFirst() {
    Path written = store.stagingPathFor("none", store.stagingArea("flt-b"));

    var e = assertThrows(IllegalArgumentException.class, () -> store.sealExisting("none", 10, written));

    assertTrue(e.getMessage().contains("write it before sealing"), e.getMessage());
  }

  @Test
  void discardStaged_removesAStagedFileButNeverOneOutsideTheStore() throws Exception {
    Path staged = Files.write(store.stagingPathFor("bad", store.stagingArea("flt-c")), new byte[3]);
    Path outside = Files.write(tmp.resolve("keep"), new byte[3]);

    store.discardStaged(staged);
    store.discardStaged(outside);

    assertFalse(Files.exists(staged));
    assertTrue(Files.exists(outside));
  }

  @Test
  void newObjectFiles_areReadableByTheirOwnerOnly_inMemoryAndAfterASpill() throws Exception {
    put(store, "a", bytes(1, OBJECT));
    assertEquals("rw-------", mode(store.pathFor("a")));
    put(store, "b", bytes(2, OBJECT));

    put(store, "c", bytes(3, OBJECT)); // spills "a", the least recently used

    Path spilled = store.spillDir().resolve(store.pathFor("a").getFileName());
    assertTrue(Files.exists(spilled), "a was spilled");
    assertEquals("rw-------", mode(spilled));
    assertEquals("rw-------", mode(store.get("a").orElseThrow().path()));
  }

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
