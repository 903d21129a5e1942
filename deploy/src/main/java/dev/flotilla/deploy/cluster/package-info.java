/**
 * Starting a real single-machine cluster: {@link dev.flotilla.deploy.cluster.LocalCluster}
 * launches a scheduler and gpu-workers as separate OS processes on loopback, waits until every
 * node is registered, and stops them. The CLI ({@code flotilla cluster start}) and the test
 * extension both use it. Start and stop from one thread; reads are thread-safe.
 */
package dev.flotilla.deploy.cluster;
