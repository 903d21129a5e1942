/**
 * The {@code HybridPackSpread} score, after Ray's default hybrid scheduling policy: pack while
 * nodes are lightly used, spread once they pass {@code spreadThreshold}, and keep GPU nodes for
 * tasks that need GPUs. Immutable.
 */
package dev.flotilla.scheduler.core.plugins.hybrid;
