package dev.flotilla.worker.store;

import static dev.flotilla.worker.store.StoreTesting.KIB;
import static dev.flotilla.worker.store.StoreTesting.MIB;
import static dev.flotilla.worker.store.StoreTesting.bytes;
import static dev.flotilla.worker.store.StoreTesting.mapAll;
import static dev.flotilla.worker.store.StoreTesting.put;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectStoreConcurrencyTest {

  private static final int THREADS = 8;

  @TempDir Path tmp;
  private ObjectStore store;
  private ExecutorService pool;

  @BeforeEach
  void setUp() {
    store = new ObjectStore(tmp.resolve("shm"), tmp.resolve("spill"), 4L * MIB);
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    pool.shutdownNow();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS), "test threads did not stop");
    store.close();
  }

  @Test
  void create_fromEightThreadsBeyondCapacity_keepsEveryObjectIntactAndAccountsExactly()
      throws Exception {
    int perThread = 12;
    int size = 256 * KIB;
    List<Callable<Void>> writers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      writers.add(
          () -> {
            for (int i = 0; i < perThread; i++) {
              put(store, id(thread, i), bytes(seed(thread, i), size));
              if (i > 0) {
                // Reading an earlier object restores it, racing with the other threads' spills.
                byte[] earlier = mapAll(store.acquire(id(thread, i - 1)).orElseThrow());
                store.unpin(id(thread, i - 1));
                assertArrayEquals(bytes(seed(thread, i - 1), size), earlier);
              }
            }
            return null;
          });
    }

    runTogether(writers);

    long total = (long) THREADS * perThread * size;
    assertTrue(store.usedBytes() <= store.capacityBytes(), "used " + store.usedBytes());
    assertEquals(total, store.usedBytes() + store.spilledBytes());
    assertEquals(store.usedBytes(), sizeOfFiles(store.shmDir()));
    assertEquals(store.spilledBytes(), sizeOfFiles(store.spillDir()));
    for (int t = 0; t < THREADS; t++) {
      for (int i = 0; i < perThread; i++) {
        assertArrayEquals(
            bytes(seed(t, i), size), mapAll(store.get(id(t, i)).orElseThrow()), id(t, i));
      }
    }
  }

  @Test
  void get_sameSpilledObjectFromEightThreads_restoresItOnce() throws Exception {
    byte[] data = bytes(7, MIB);
    put(store, "hot", data);
    for (int i = 0; i < 4; i++) {
      put(store, "filler-" + i, bytes(i, MIB));
    }
    assertTrue(Files.exists(store.spillDir().resolve("hot")), "hot should have been spilled");
    List<Callable<StoredObject>> readers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      readers.add(() -> store.get("hot").orElseThrow());
    }

    List<StoredObject> results = runTogether(readers);

    assertEquals(Set.of(new StoredObject("hot", store.pathFor("hot"), MIB)), Set.copyOf(results));
    assertArrayEquals(data, mapAll(results.getFirst()));
    assertEquals(4L * MIB, store.usedBytes());
    assertEquals(MIB, store.spilledBytes());
  }

  @Test
  void deleteAndGet_racingOnTheSameObjects_neverCorruptTheAccounts() throws Exception {
    int objects = 24;
    for (int i = 0; i < objects; i++) {
      put(store, "o" + i, bytes(i, 512 * KIB));
    }
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      boolean deleter = t % 2 == 0;
      tasks.add(
          () -> {
            for (int i = 0; i < objects; i++) {
              if (deleter && i % 2 == 0) {
                store.delete("o" + i);
              } else {
                store.get("o" + i).ifPresent(o -> assertEquals(512 * KIB, o.size()));
              }
            }
            return null;
          });
    }

    runTogether(tasks);

    long remaining = (objects / 2) * 512L * KIB;
    assertEquals(remaining, store.usedBytes() + store.spilledBytes());
    assertEquals(store.usedBytes(), sizeOfFiles(store.shmDir()));
    assertEquals(store.spilledBytes(), sizeOfFiles(store.spillDir()));
  }

  /** Starts all tasks at once and waits for them, rethrowing the first failure. */
  private <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> task : tasks) {
      futures.add(
          pool.submit(
              () -> {
                start.await();
                return task.call();
              }));
    }
    start.countDown();
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) {
      results.add(future.get(60, TimeUnit.SECONDS));
    }
    return results;
  }

  private static long sizeOfFiles(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.collect(Collectors.summingLong(StoreTesting::fileSize));
    }
  }

  private static String id(int thread, int i) {
    return "t" + thread + "-o" + i;
  }

  private static long seed(int thread, int i) {
    return thread * 1000L + i;
  }
}
