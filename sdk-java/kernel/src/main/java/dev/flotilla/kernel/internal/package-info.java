/**
 * The JShell host behind a notebook kernel (not public API).
 *
 * <p>{@link dev.flotilla.kernel.internal.JShellKernel} owns one JShell whose execution engine is a
 * {@link jdk.jshell.execution.LocalExecutionControl} subclass that records the bytes of every
 * class a cell defines into a {@link dev.flotilla.kernel.internal.ClassCapture} (the seed of the
 * kernel's growing code package). A cell is split into snippets with JShell's completeness
 * analysis and evaluated on one kernel thread; what it writes to {@code System.out}/{@code err},
 * its displays, its last value and its errors (with the cell line) stream to a listener as
 * {@link dev.flotilla.kernel.internal.KernelEvent}s.
 *
 * <p>Threads: cells run on the kernel thread's snippet threads, which inherit a {@link
 * dev.flotilla.kernel.internal.CellContext} that routes output to the running cell.
 */
package dev.flotilla.kernel.internal;
