package dev.flotilla.scheduler.core;

/**
 * A step of the placement pipeline. Plugins are stateless (per-plan scratch data goes into {@link
 * CycleState}), read no clock and do no I/O; one instance may serve many planners.
 */
public interface PlacementPlugin {
  /** The name profiles refer to it by, e.g. {@code "ResourceFit"}. */
  String name();
}
