/**
 * Flotilla's public Java API: ordinary Java methods become distributed tasks.
 *
 * <p>{@link dev.flotilla.api.Flotilla} is a connection to a cluster. {@code fl.task(Fns::f,
 * args...)} turns a serializable method reference into a {@link dev.flotilla.api.TaskCall};
 * {@code remote()} submits it and returns an {@link dev.flotilla.api.ObjectRef}, a future of the
 * result that may itself be passed to other tasks. {@link dev.flotilla.api.TaskOptions} says what
 * a task needs (CPUs, GPUs, memory, custom resources) and how it is retried.
 *
 * <p>Errors are unchecked and all extend {@link dev.flotilla.api.FlotillaException}: a task that
 * throws surfaces as {@link dev.flotilla.api.TaskFailedException} on {@code get()}, carrying the
 * remote stack trace.
 *
 * <p>Threading: connections and refs are thread-safe; {@code get} and {@code wait} block the
 * calling thread (use virtual threads freely). This package has no dependencies; the runtime is
 * found through {@link java.util.ServiceLoader}.
 */
package dev.flotilla.api;
