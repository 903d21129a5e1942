/**
 * Code packages: how a driver's classes reach executors.
 *
 * <p>{@link dev.flotilla.runtime.internal.codepackage.CodePackager} turns the driver's class
 * path, minus the runtime ({@link dev.flotilla.runtime.internal.codepackage.RuntimeClasspath}),
 * into content-addressed jars ({@link dev.flotilla.runtime.internal.codepackage.CodeBlob}). The
 * driver uploads the blobs the cluster lacks; each node caches them by hash and executors load
 * them in a per-job class loader. Manifest-only jars (Maven test runners) are expanded by {@link
 * dev.flotilla.runtime.internal.codepackage.ClassPaths}. Stateless; safe from any thread.
 */
package dev.flotilla.runtime.internal.codepackage;
