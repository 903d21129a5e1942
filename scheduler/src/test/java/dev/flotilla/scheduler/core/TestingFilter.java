package dev.flotilla.scheduler.core;

import java.util.function.BiFunction;

/** A filter whose verdict is a lambda, counting its calls (a fake, not a mock). */
final class TestingFilter implements FilterPlugin {
  private final String name;
  private final BiFunction<PlacementRequest, NodeView, PluginStatus> verdict;
  private long calls;

  TestingFilter(String name, BiFunction<PlacementRequest, NodeView, PluginStatus> verdict) {
    this.name = name;
    this.verdict = verdict;
  }

  /** Passes every node; only counts. */
  static TestingFilter counting(String name) {
    return new TestingFilter(name, (r, n) -> PluginStatus.success(name));
  }

  long calls() {
    return calls;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public PluginStatus filter(CycleState state, PlacementRequest request, NodeView node) {
    calls++;
    return verdict.apply(request, node);
  }
}
