/**
 * Serializable function types {@code Fn0}…{@code Fn6}: what a method reference such as {@code
 * MathFns::square} becomes when passed to {@code task(...)}. Functions are identified by their
 * implementation method ({@link java.lang.invoke.SerializedLambda}), so the same code must be
 * in the job's code package; lambdas may capture serializable values.
 */
package dev.flotilla.api.function;
