/**
 * The {@code LabelSelector} filter: a task with selector {@code gpu.model=H100} runs only on nodes
 * labelled exactly so. Every selector entry must match (logical AND). Stateless.
 */
package dev.flotilla.scheduler.core.plugins.labelselector;
