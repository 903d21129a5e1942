package dev.flotilla.bench;

import dev.flotilla.api.ActorHandle;
import dev.flotilla.api.Flotilla;
import dev.flotilla.api.ObjectRef;
import java.util.ArrayList;
import java.util.List;

/** The functions the benchmarks run remotely; static so a method reference names them. */
public final class BenchFns {
  private BenchFns() {}

  /** Ray's {@code small_value}: does nothing and returns a two-byte value. */
  public static String ok() {
    return "ok";
  }

  /**
   * Ray's {@code work(actors)} of "n:n actor calls async": submits {@code calls} no-op calls spread
   * round-robin over {@code actors}, then gets them all. Runs as a task; returns the calls made.
   */
  public static int callActors(List<ActorHandle<BenchActor>> actors, int calls) {
    List<ObjectRef<String>> refs = new ArrayList<>(calls);
    for (int i = 0; i < calls; i++) {
      refs.add(actors.get(i % actors.size()).task(BenchActor::ok).remote());
    }
    Flotilla.current().get(refs);
    return calls;
  }
}
