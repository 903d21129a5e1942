/**
 * The {@code ResourceFit} filter and the reasons it gives: "needs GPU:1, no node has GPU", "needs
 * CPU:4; the most free on any node is CPU:2 (node n3)", one clause for the whole fleet. Stateless
 * apart from a cache of per-resource statuses.
 */
package dev.flotilla.scheduler.core.plugins.resourcefit;
