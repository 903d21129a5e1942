/**
 * The display API notebook cells use: {@link dev.flotilla.kernel.Display#display(Object)} (imported
 * in every cell), {@link dev.flotilla.kernel.Plot} charts rendered as deterministic, escaped SVG on
 * the kernel, {@link dev.flotilla.kernel.Table}, {@link dev.flotilla.kernel.Image}, {@link
 * dev.flotilla.kernel.Html#escape(Object)}, a live {@link dev.flotilla.kernel.Progress} bar for
 * waiting on refs, and {@link dev.flotilla.kernel.Notebook#flotilla()} (the cell variable {@code
 * fl}).
 *
 * <p>Every output is a {@link dev.flotilla.kernel.DisplayData} (MIME type and data). The display
 * calls are thread-safe and send to the cell that runs now; outside a kernel they print text.
 */
package dev.flotilla.kernel;
