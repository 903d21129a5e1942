package dev.flotilla.api;

/** How a placement group's bundles are spread over nodes. */
public enum PlacementStrategy {
  /** As few nodes as possible; spreads if nothing else fits. */
  PACK,
  /** Distinct nodes where possible; packs if nothing else fits. */
  SPREAD,
  /** All bundles on one node, or not at all. */
  STRICT_PACK,
  /** Every bundle on a different node, or not at all. */
  STRICT_SPREAD
}
