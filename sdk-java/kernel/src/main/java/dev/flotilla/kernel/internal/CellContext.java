package dev.flotilla.kernel.internal;

import dev.flotilla.api.Flotilla;
import dev.flotilla.kernel.DisplayData;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The kernel a thread belongs to: inherited by the snippet thread JShell starts for each cell and
 * by every thread a cell starts, so their output reaches the cell that is running now.
 *
 * <p>Thread-safe: the listener is swapped per cell by the kernel and read by any thread.
 */
public final class CellContext {
  private static final InheritableThreadLocal<CellContext> CURRENT = new InheritableThreadLocal<>();

  private final Supplier<Flotilla> flotilla;
  private volatile Consumer<KernelEvent> listener;

  CellContext(Supplier<Flotilla> flotilla) {
    this.flotilla = flotilla;
  }

  /** Binds the calling thread (and threads it starts later) to this kernel. */
  void bindCurrentThread() {
    CURRENT.set(this);
  }

  void listener(Consumer<KernelEvent> listener) {
    this.listener = listener;
  }

  /** The listener of the running cell of the calling thread's kernel, or null. */
  static Consumer<KernelEvent> currentListener() {
    CellContext c = CURRENT.get();
    return c == null ? null : c.listener;
  }

  /** Sends a display output to the running cell; without one, prints its data to stdout. */
  public static void display(DisplayData data) {
    Consumer<KernelEvent> l = currentListener();
    if (l == null) {
      System.out.println(data.data());
    } else {
      l.accept(new KernelEvent.Display(data));
    }
  }

  /**
   * The kernel's connection.
   *
   * @throws IllegalStateException outside a kernel, or when the kernel has no cluster
   */
  public static Flotilla flotilla() {
    CellContext c = CURRENT.get();
    if (c == null || c.flotilla == null) {
      throw new IllegalStateException("no notebook kernel with a cluster connection on this thread");
    }
    return c.flotilla.get();
  }
}
