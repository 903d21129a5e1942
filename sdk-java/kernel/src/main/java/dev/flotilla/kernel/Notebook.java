package dev.flotilla.kernel;

import dev.flotilla.api.Flotilla;
import dev.flotilla.kernel.internal.CellContext;

/** What a cell knows about the notebook it runs in. */
public final class Notebook {
  private Notebook() {}

  /**
   * The notebook's connection (the variable {@code fl} in every cell), connected on first use for
   * the notebook's workspace.
   *
   * @throws IllegalStateException outside a running cell, or when the kernel has no cluster
   */
  public static Flotilla flotilla() {
    return CellContext.flotilla();
  }
}
