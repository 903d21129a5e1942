/**
 * The {@code NodeAlive} filter: a node marked dead by {@link
 * dev.flotilla.scheduler.core.ClusterState#markDead} takes no new placements. Stateless.
 */
package dev.flotilla.scheduler.core.plugins.nodealive;
