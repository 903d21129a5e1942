package dev.flotilla.testing;

import java.util.concurrent.atomic.AtomicInteger;

/** An actor that measures how many of its calls run at once. */
public class Gauge {
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger most = new AtomicInteger();

  /** Holds the call a while so that concurrent calls overlap. */
  public int hold(long millis) throws InterruptedException {
    int now = running.incrementAndGet();
    most.accumulateAndGet(now, Math::max);
    Thread.sleep(millis);
    running.decrementAndGet();
    return now;
  }

  public int most() {
    return most.get();
  }
}
