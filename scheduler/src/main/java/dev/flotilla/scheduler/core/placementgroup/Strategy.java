package dev.flotilla.scheduler.core.placementgroup;

/** How the bundles of a placement group are laid out over nodes, after Ray's strategies. */
public enum Strategy {
  /** As few nodes as possible; spreads over more nodes when no single node has room for all. */
  PACK,
  /** Distinct nodes where possible; doubles bundles up on nodes when there are not enough. */
  SPREAD,
  /** Every bundle on one node, or the group is not placed. */
  STRICT_PACK,
  /** Every bundle on a different node, or the group is not placed. */
  STRICT_SPREAD
}
