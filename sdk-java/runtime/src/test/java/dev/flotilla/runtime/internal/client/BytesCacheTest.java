package dev.flotilla.runtime.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BytesCacheTest {
  // Entries of at most CAPACITY / 16 = 100 bytes are cached.
  private static final long CAPACITY = 1600;

  private final BytesCache cache = new BytesCache(CAPACITY);

  @Test
  void get_afterPut_returnsTheBytes() {
    byte[] bytes = {1, 2, 3};
    cache.put("a", bytes);

    assertThat(cache.get("a")).isSameAs(bytes);
    assertThat(cache.get("missing")).isNull();
  }

  @Test
  void put_withinCapacity_keepsEverything() {
    fill(16, 100);

    for (int i = 0; i < 16; i++) {
      assertThat(cache.get("o" + i)).as("o%d", i).isNotNull();
    }
  }

  @Test
  void put_overCapacity_evictsLeastRecentlyPutFirst() {
    fill(16, 100);

    cache.put("new", new byte[100]);

    assertThat(cache.get("o0")).isNull();
    assertThat(cache.get("o1")).isNotNull();
    assertThat(cache.get("new")).isNotNull();
  }

  @Test
  void put_overCapacity_evictsLeastRecentlyReadNotOldest() {
    fill(16, 100);
    cache.get("o0");

    cache.put("new", new byte[100]);

    assertThat(cache.get("o0")).isNotNull();
    assertThat(cache.get("o1")).isNull();
  }

  @Test
  void put_largerEntryOverCapacity_evictsAsManyAsNeeded() {
    fill(32, 50);

    cache.put("new", new byte[100]);

    assertThat(cache.get("o0")).isNull();
    assertThat(cache.get("o1")).isNull();
    assertThat(cache.get("o2")).isNotNull();
    assertThat(cache.get("new")).isNotNull();
  }

  @Test
  void put_entryAboveOneSixteenthOfCapacity_isNotCached() {
    cache.put("big", new byte[101]);

    assertThat(cache.get("big")).isNull();
  }

  @Test
  void put_entryOfExactlyOneSixteenth_isCached() {
    cache.put("edge", new byte[100]);

    assertThat(cache.get("edge")).hasSize(100);
  }

  @Test
  void put_oversizeEntry_evictsNothing() {
    fill(16, 100);

    cache.put("big", new byte[1000]);

    for (int i = 0; i < 16; i++) {
      assertThat(cache.get("o" + i)).as("o%d", i).isNotNull();
    }
  }

  @Test
  void put_sameIdAgain_countsItsBytesOnce() {
    for (int i = 0; i < 20; i++) {
      cache.put("same", new byte[100]);
    }
    fill(15, 100);

    assertThat(cache.get("same")).isNotNull();
    for (int i = 0; i < 15; i++) {
      assertThat(cache.get("o" + i)).as("o%d", i).isNotNull();
    }
  }

  @Test
  void remove_entry_freesItsBytes() {
    fill(16, 100);

    cache.remove("o5");
    cache.put("new", new byte[100]);

    assertThat(cache.get("o5")).isNull();
    assertThat(cache.get("o0")).isNotNull();
    assertThat(cache.get("new")).isNotNull();
  }

  @Test
  void remove_unknownId_isANoOp() {
    cache.remove("missing");
    fill(16, 100);

    assertThat(cache.get("o0")).isNotNull();
  }

  private void fill(int count, int size) {
    for (int i = 0; i < count; i++) {
      cache.put("o" + i, new byte[size]);
    }
  }
}
