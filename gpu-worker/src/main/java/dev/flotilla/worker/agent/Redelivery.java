package dev.flotilla.worker.agent;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Logger;

/**
 * Reports to the scheduler that must arrive (a task's outcome, an actor's death) even when the
 * scheduler is briefly gone, e.g. while it restarts: a report that fails is kept and re-sent, in
 * order, until it goes through or {@code giveUpAfter} has passed. Thread-safe.
 */
final class Redelivery implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Redelivery.class.getName());

  private record Pending(String what, Runnable send, long since) {}

  private final Duration giveUpAfter;
  private final Duration retryEvery;
  private final Deque<Pending> queue = new ArrayDeque<>();
  private final Thread thread;
  private volatile boolean closed;

  Redelivery(Duration giveUpAfter, Duration retryEvery) {
    this.giveUpAfter = giveUpAfter;
    this.retryEvery = retryEvery;
    this.thread = Thread.ofVirtual().name("worker-redelivery").start(this::run);
  }

  /** Sends now; on failure keeps it for re-sending. {@code send} throws when it did not arrive. */
  void send(String what, Runnable send) {
    synchronized (this) {
      if (!queue.isEmpty()) { // keep order behind what is already waiting
        queue.addLast(new Pending(what, send, System.nanoTime()));
        return;
      }
    }
    try {
      send.run();
    } catch (RuntimeException e) {
      LOG.fine(() -> "cannot send " + what + " now, will retry: " + e.getMessage());
      synchronized (this) {
        queue.addLast(new Pending(what, send, System.nanoTime()));
        notifyAll();
      }
    }
  }

  /** How many reports wait to be re-sent. */
  synchronized int waiting() {
    return queue.size();
  }

  private void run() {
    while (!closed) {
      Pending p;
      synchronized (this) {
        while (queue.isEmpty() && !closed) {
          try {
            wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        p = queue.peekFirst();
      }
      if (p == null) {
        return;
      }
      try {
        p.send().run();
        synchronized (this) {
          queue.pollFirst();
        }
      } catch (RuntimeException e) {
        if (System.nanoTime() - p.since() > giveUpAfter.toNanos()) {
          LOG.warning(() -> "gave up sending " + p.what() + " after " + giveUpAfter + ": " + e.getMessage());
          synchronized (this) {
            queue.pollFirst();
          }
          continue;
        }
        try {
          Thread.sleep(retryEvery); // back off between attempts to reach the scheduler
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}
