/**
 * The built-in placement plugins, one package each, and {@link
 * dev.flotilla.scheduler.core.plugins.DefaultPlugins} which registers them:
 *
 * <ul>
 *   <li>{@code NodeAlive} (filter): dead nodes take no new work.
 *   <li>{@code LabelSelector} (filter): node labels must equal every selector entry.
 *   <li>{@code ResourceFit} (filter): free resources, incl. custom ones and GPU device shapes.
 *   <li>{@code HybridPackSpread} (score): Ray's hybrid policy; pack below a threshold, spread above
 *       it, keep GPU nodes for GPU work.
 *   <li>{@code Locality} (score): prefer the node holding most of the task's argument bytes.
 * </ul>
 *
 * <p>Plugins are stateless and immutable, so they are safe to share between threads.
 */
package dev.flotilla.scheduler.core.plugins;
