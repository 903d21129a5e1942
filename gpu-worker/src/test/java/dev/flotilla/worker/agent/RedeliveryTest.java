package dev.flotilla.worker.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RedeliveryTest {
  @Test
  void failedSends_areRetriedInOrderOnceTheSchedulerIsBack() throws Exception {
    var reachable = new AtomicBoolean(false);
    List<String> delivered = new CopyOnWriteArrayList<>();
    var all = new CountDownLatch(3);
    try (var r = new Redelivery(Duration.ofMinutes(1), Duration.ofMillis(5))) {
      for (String what : List.of("first", "second", "third")) {
        r.send(what, () -> {
          if (!reachable.get()) {
            throw new IllegalStateException("UNAVAILABLE");
          }
          delivered.add(what);
          all.countDown();
        });
      }
      assertThat(delivered).isEmpty();
      assertThat(r.waiting()).isEqualTo(3);
      reachable.set(true);
      assertThat(all.await(10, TimeUnit.SECONDS)).as("all three re-sent").isTrue();
    }
    assertThat(delivered).containsExactly("first", "second", "third");
  }

  @Test
  void aSendThatKeepsFailing_isDroppedAfterTheGiveUpTime() throws Exception {
    var attempts = new CountDownLatch(2);
    try (var r = new Redelivery(Duration.ZERO, Duration.ofMillis(1))) {
      r.send("doomed", () -> {
        attempts.countDown();
        throw new IllegalStateException("UNAVAILABLE");
      });
      assertThat(attempts.await(10, TimeUnit.SECONDS)).isTrue();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (r.waiting() > 0 && System.nanoTime() < deadline) {
        Thread.onSpinWait(); // polling a condition with a deadline
      }
      assertThat(r.waiting()).as("given up").isZero();
    }
  }
}
