package dev.flotilla.worker.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.worker.store.Entry.State;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The store's accounting without any files: capacity 100, objects of a few dozen bytes. */
class LedgerTest {

  private final Ledger ledger = new Ledger(100);

  @Test
  void claimMemory_withinCapacity_evictsNothing() throws Exception {
    assertEquals(List.of(), ledger.claimMemory("a", 60));
    assertEquals(List.of(), ledger.claimMemory("b", 40));

    assertEquals(100, ledger.used());
  }

  @Test
  void claimMemory_beyondCapacity_marksTheLeastRecentlyUsedAsSpilling() throws Exception {
    Entry a = sealed("a", 40);
    Entry b = sealed("b", 40);
    Entry c = sealed("c", 20);
    ledger.touch(a);

    List<Entry> victims = ledger.claimMemory("d", 30);

    assertEquals(List.of(b), victims);
    assertSame(State.SPILLING, b.state);
    assertSame(State.SHM, a.state);
    assertSame(State.SHM, c.state);
    assertEquals(90, ledger.used());
    assertEquals(40, ledger.spilled());
  }

  @Test
  void claimMemory_takesAsManyVictimsAsNeededInLruOrder() throws Exception {
    Entry a = sealed("a", 30);
    Entry b = sealed("b", 30);
    sealed("c", 30);

    assertEquals(List.of(a, b), ledger.claimMemory("d", 60));
  }

  @Test
  void claimMemory_pinnedAndMovingObjectsAreNotVictims() throws Exception {
    Entry a = sealed("a", 50);
    Entry b = sealed("b", 50);
    a.pins = 1;
    b.state = State.RESTORING;

    StoreFullException e =
        assertThrows(StoreFullException.class, () -> ledger.claimMemory("c", 10));
    assertEquals(0, e.freeBytes());
    assertEquals(50, e.pinnedBytes());
    assertEquals(100, ledger.used());
  }

  @Test
  void spillFailed_putsTheObjectBackInMemory() throws Exception {
    Entry a = sealed("a", 80);
    ledger.claimMemory("b", 50);

    ledger.spillFailed(a);

    assertSame(State.SHM, a.state);
    assertEquals(130, ledger.used());
    assertEquals(0, ledger.spilled());
  }

  @Test
  void restore_countsTheObjectInBothPlacesUntilDone() throws Exception {
    Entry a = sealed("a", 80);
    ledger.claimMemory("b", 50);
    ledger.spillDone(a);
    ledger.remove(ledger.add(new Entry("b", 50, State.SHM, Path.of("b"))));

    assertEquals(List.of(), ledger.restoreStart(a));
    assertEquals(80, ledger.used());
    assertEquals(80, ledger.spilled());

    ledger.restoreDone(a);
    assertSame(State.SHM, a.state);
    assertEquals(80, ledger.used());
    assertEquals(0, ledger.spilled());
  }

  @Test
  void restoreFailed_returnsTheMemoryClaim() throws Exception {
    Entry a = sealed("a", 80);
    ledger.claimMemory("b", 50);
    ledger.spillDone(a);
    ledger.remove(ledger.add(new Entry("b", 50, State.SHM, Path.of("b"))));
    ledger.restoreStart(a);

    ledger.restoreFailed(a);

    assertSame(State.SPILLED, a.state);
    assertEquals(0, ledger.used());
    assertEquals(80, ledger.spilled());
  }

  @Test
  void remove_whileMoving_isRefused() throws Exception {
    Entry a = sealed("a", 80);
    ledger.claimMemory("b", 50);

    assertThrows(IllegalStateException.class, () -> ledger.remove(a));
    assertTrue(Ledger.busy(a));
  }

  @Test
  void add_existingId_isRefused() throws Exception {
    sealed("a", 10);

    assertThrows(IllegalStateException.class, () -> ledger.add(new Entry("a", 1, State.SHM, null)));
  }

  private Entry sealed(String id, long size) throws StoreFullException {
    ledger.claimMemory(id, size);
    Entry entry = ledger.add(new Entry(id, size, State.WRITING_SHM, Path.of(id)));
    ledger.sealed(entry);
    return entry;
  }
}
