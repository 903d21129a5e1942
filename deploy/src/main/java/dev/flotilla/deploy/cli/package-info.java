/**
 * The {@code flotilla} command line: {@code up} and {@code down} start and stop the whole platform
 * ({@link dev.flotilla.deploy.platform.Platform}); {@code cluster start} launches a single-machine cluster in
 * the background and records it under {@code ~/.flotilla}; {@code cluster status} prints nodes,
 * resources and why tasks wait; {@code cluster stop} stops it.
 */
package dev.flotilla.deploy.cli;
