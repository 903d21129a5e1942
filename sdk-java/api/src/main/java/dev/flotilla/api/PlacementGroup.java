package dev.flotilla.api;

import java.time.Duration;
import java.util.List;

/**
 * A gang of resource bundles reserved all-or-nothing, for tasks and actors that must be placed
 * together (or apart). Serializable inside values; thread-safe.
 */
public interface PlacementGroup {

  String id();

  List<Bundle> bundles();

  PlacementStrategy strategy();

  /**
   * Blocks until every bundle is reserved (at most {@code timeout}).
   *
   * @throws GetTimeoutException if the cluster cannot fit the group yet; {@code flotilla cluster
   *     status} says why
   * @throws FlotillaException if the group was removed
   */
  void ready(Duration timeout);
}
