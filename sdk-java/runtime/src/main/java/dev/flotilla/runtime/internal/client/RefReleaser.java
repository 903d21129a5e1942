package dev.flotilla.runtime.internal.client;

import dev.flotilla.protocol.scheduler.v1.DriverServiceGrpc;
import dev.flotilla.protocol.scheduler.v1.RefsRequest;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Gives the cluster back references this connection no longer holds: when an owned {@link
 * ObjectRefImpl} becomes unreachable its id is queued, and a daemon thread sends the ids in
 * batches. Ids are never released twice.
 */
final class RefReleaser {
  private static final Cleaner CLEANER = Cleaner.create();
  private static final int BATCH = 512;

  private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
  private final DriverServiceGrpc.DriverServiceBlockingStub stub;
  private final String sessionId;
  private final Journal journal;
  private final Thread thread;
  private volatile boolean closed;

  RefReleaser(DriverServiceGrpc.DriverServiceBlockingStub stub, String sessionId, Journal journal) {
    this.stub = stub;
    this.sessionId = sessionId;
    this.journal = journal;
    this.thread = Thread.ofPlatform().daemon().name("flotilla-ref-releaser").start(this::run);
  }

  /** Releases {@code id} once {@code ref} is unreachable. */
  void track(Object ref, String id) {
    CLEANER.register(ref, () -> queue.add(id));
  }

  void close() {
    closed = true;
    thread.interrupt();
  }

  private void run() {
    List<String> batch = new ArrayList<>();
    while (!closed) {
      try {
        String first = queue.poll(1, TimeUnit.SECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, BATCH - 1);
        batch.forEach(journal::remove); // released: not to be re-sent after a scheduler restart
        stub.withDeadlineAfter(10, TimeUnit.SECONDS)
            .releaseRefs(RefsRequest.newBuilder().setSessionId(sessionId).addAllObjectIds(batch).build());
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // The session is gone or the cluster is down: closing the session releases everything.
      }
      batch.clear();
    }
  }
}
