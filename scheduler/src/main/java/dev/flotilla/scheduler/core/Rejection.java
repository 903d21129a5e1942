package dev.flotilla.scheduler.core;

/** A node a filter turned down, and the status it gave; input to {@link FilterPlugin#explain}. */
public record Rejection(NodeView node, PluginStatus status) {}
