/**
 * Test support for Flotilla programs: {@link dev.flotilla.testing.FlotillaClusterExtension} starts
 * a real local cluster (scheduler and gpu-workers as separate processes) for a JUnit 5 test class,
 * so users test their tasks against the same runtime they deploy to. Nothing is mocked.
 */
package dev.flotilla.testing;
