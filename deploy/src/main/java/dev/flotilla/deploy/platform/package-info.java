/**
 * {@code flotilla up} / {@code flotilla down}: the whole platform on one machine. {@link
 * dev.flotilla.deploy.platform.Platform} starts, in order, PostgreSQL and Keycloak (embedded, or
 * external ones named by {@link dev.flotilla.deploy.platform.PlatformSettings}), the scheduler
 * with its state in PostgreSQL and one gpu-worker (through {@code LocalCluster}), and the
 * api-server ({@code quarkus-run.jar}, configured by environment variables); then it sets up the
 * {@code demo} tenant and its {@code default} workspace through the api-server's REST API.
 *
 * <p>What runs is recorded in {@code <FLOTILLA_HOME>/platform.state} (pids with their start
 * times, so a reused pid is never taken for ours); generated secrets live in
 * {@code <FLOTILLA_HOME>/secrets/}, one 0600 file each. Every class here blocks; {@code up} and
 * {@code down} of one home are serialised by a file lock.
 */
package dev.flotilla.deploy.platform;
