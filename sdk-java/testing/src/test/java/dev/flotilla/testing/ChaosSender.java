package dev.flotilla.testing;

import dev.flotilla.api.ActorHandle;

/** An actor of {@link ActorChaosIT} that forwards sequence numbers to the collector; killed often. */
public class ChaosSender {
  private final int id;
  private final String marks;

  public ChaosSender(int id, String marks) {
    this.id = id;
    this.marks = marks;
  }

  /** Marks its executor working, then records {@code seq} at the collector and waits for it. */
  public int send(ActorHandle<ChaosCollector> collector, int seq) {
    ChaosMarks.working(marks);
    return collector.task(ChaosCollector::record, id, seq).remote().get();
  }
}
