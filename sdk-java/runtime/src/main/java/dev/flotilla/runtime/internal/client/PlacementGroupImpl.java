package dev.flotilla.runtime.internal.client;

import dev.flotilla.api.Bundle;
import dev.flotilla.api.PlacementGroup;
import dev.flotilla.api.PlacementStrategy;
import java.time.Duration;
import java.util.List;

/** A placement group handle: its id, bundles and strategy; readiness is the object with its id. */
public final class PlacementGroupImpl implements PlacementGroup {
  private final String id;
  private final List<Bundle> bundles;
  private final PlacementStrategy strategy;
  private transient FlotillaImpl owner;

  PlacementGroupImpl(String id, List<Bundle> bundles, PlacementStrategy strategy, FlotillaImpl owner) {
    this.id = id;
    this.bundles = List.copyOf(bundles);
    this.strategy = strategy;
    this.owner = owner;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<Bundle> bundles() {
    return bundles;
  }

  @Override
  public PlacementStrategy strategy() {
    return strategy;
  }

  @Override
  public void ready(Duration timeout) {
    FlotillaImpl c = Ambient.orAmbient(owner);
    c.getOne(new ObjectRefImpl<Object>(id, c, null), timeout);
  }

  @Override
  public String toString() {
    return "PlacementGroup(" + id + ", " + strategy + ", " + bundles.size() + " bundles)";
  }
}
