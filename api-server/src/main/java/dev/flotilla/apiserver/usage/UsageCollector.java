package dev.flotilla.apiserver.usage;

import dev.flotilla.apiserver.edge.SchedulerLink;
import dev.flotilla.protocol.scheduler.v1.JobUsage;
import dev.flotilla.protocol.scheduler.v1.UsageRequest;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Pulls the scheduler's {@code Usage} RPC (every tenant's running totals, presenting the edge
 * secret) every {@code flotilla.usage.pull-interval} and folds them into PostgreSQL through
 * {@link UsageLedger}. On when the SDK edge is (a scheduler address is configured). A pull runs
 * on a virtual thread, one at a time; a failed pull is logged and retried at the next tick.
 */
@ApplicationScoped
public class UsageCollector {
  private static final Logger LOG = Logger.getLogger(UsageCollector.class);

  private final SchedulerLink scheduler;
  private final UsageLedger ledger;
  private final InstantSource clock;
  private final Vertx vertx;
  private final Duration interval;
  private final ReentrantLock pulling = new ReentrantLock();
  private volatile Instant lastPull;
  private long timer = -1;

  UsageCollector(SchedulerLink scheduler, UsageLedger ledger, InstantSource clock, Vertx vertx, UsageConfig config) {
    this.scheduler = scheduler;
    this.ledger = ledger;
    this.clock = clock;
    this.vertx = vertx;
    this.interval = config.pullInterval();
  }

  void start(@Observes StartupEvent e) {
    if (!scheduler.configured()) {
      LOG.info("usage collector off: no scheduler address and edge secret");
      return;
    }
    timer = vertx.setPeriodic(interval.toMillis(), id -> Thread.ofVirtual().name("usage-collector").start(this::pullQuietly));
    LOG.infof("usage collector pulling %s every %s", scheduler.channel().authority(), interval);
  }

  void stop(@Observes ShutdownEvent e) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  /** When the last pull succeeded; null before the first. */
  public Instant lastPull() {
    return lastPull;
  }

  /**
   * Pulls once now and returns when the totals are in PostgreSQL. Blocking: never on the event
   * loop. Throws when the collector is off or the pull fails.
   */
  public void pullNow() {
    if (!scheduler.configured()) {
      throw new IllegalStateException("usage collector is off: no scheduler configured");
    }
    pulling.lock();
    try {
      Instant now = clock.instant();
      List<JobUsage> jobs = scheduler.asEdge(scheduler.stub())
          .withDeadlineAfter(20, TimeUnit.SECONDS)
          .usage(UsageRequest.getDefaultInstance()).getJobsList();
      VertxContextSupport.subscribeAndAwait(() -> ledger.fold(jobs, now));
      lastPull = now;
    } catch (RuntimeException ex) {
      throw ex;
    } catch (Throwable ex) {
      throw new IllegalStateException("cannot store usage: " + ex.getMessage(), ex);
    } finally {
      pulling.unlock();
    }
  }

  private void pullQuietly() {
    if (pulling.isLocked()) {
      return;
    }
    try {
      pullNow();
    } catch (RuntimeException ex) {
      LOG.warnf("usage pull failed (retried in %s): %s", interval, ex.getMessage());
    }
  }
}
