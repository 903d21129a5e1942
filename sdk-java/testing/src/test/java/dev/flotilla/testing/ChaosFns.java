package dev.flotilla.testing;

import dev.flotilla.api.Flotilla;
import dev.flotilla.api.ObjectRef;
import dev.flotilla.api.TaskOptions;
import java.util.ArrayList;
import java.util.List;

/** Task bodies for {@link TaskChaosIT}: parents that fan out to children, all retried forever. */
public final class ChaosFns {
  private ChaosFns() {}

  /** Retried after every executor death, however many. */
  static TaskOptions retriedForever(String name) {
    return TaskOptions.builder().name(name).maxRetries(TaskOptions.UNLIMITED_RETRIES).build();
  }

  /** What child {@code i} of parent {@code p} returns: computable locally, distinct per pair. */
  public static long childValue(int p, int i) {
    long x = p * 1_000L + i;
    return x * x + 7;
  }

  /** The sum parent {@code p} returns. */
  public static long parentValue(int p, int children) {
    long sum = 0;
    for (int i = 0; i < children; i++) {
      sum += childValue(p, i);
    }
    return sum;
  }

  /** Marks its executor working, holds its CPU a few ms, then returns its value. */
  public static long child(int p, int i, long holdMillis, String marks) throws InterruptedException {
    ChaosMarks.working(marks);
    Thread.sleep(holdMillis);
    return childValue(p, i);
  }

  /** Submits {@code children} nested tasks and sums their results. */
  public static long parent(int p, int children, long childHoldMillis, String marks) {
    Flotilla fl = Flotilla.current();
    List<ObjectRef<Long>> refs = new ArrayList<>(children);
    for (int i = 0; i < children; i++) {
      refs.add(fl.task(ChaosFns::child, p, i, childHoldMillis, marks).options(retriedForever("child-" + p + "-" + i)).remote());
    }
    long sum = 0;
    for (long v : fl.get(refs)) {
      sum += v;
    }
    return sum;
  }
}
