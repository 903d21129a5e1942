/**
 * How values and functions cross process boundaries.
 *
 * <p>{@link dev.flotilla.runtime.internal.serialization.ValueSerializer} wraps Apache Fory with a
 * per-job allow-list: JDK value types and the job's own classes only. {@link
 * dev.flotilla.runtime.internal.serialization.FunctionRefs} reads a method reference's {@link
 * java.lang.invoke.SerializedLambda} into the wire's function descriptor. Only drivers and a
 * tenant's own executors use this package: the control plane never deserializes tenant bytes.
 * Thread-safe.
 */
package dev.flotilla.runtime.internal.serialization;
