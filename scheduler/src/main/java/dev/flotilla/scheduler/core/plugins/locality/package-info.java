/**
 * The {@code Locality} score: run a task where its large arguments already are, so they need not
 * cross the network. Argument bytes per node come from {@link
 * dev.flotilla.scheduler.core.PlacementRequest#argBytesByNode()}. Immutable.
 */
package dev.flotilla.scheduler.core.plugins.locality;
