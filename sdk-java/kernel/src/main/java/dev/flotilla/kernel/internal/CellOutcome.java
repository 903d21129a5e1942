package dev.flotilla.kernel.internal;

/**
 * How a cell ended.
 *
 * @param status OK, ERROR (compile error or exception) or INTERRUPTED
 * @param executionCount the cell's number in this kernel generation (1, 2, ...; restart resets it)
 */
public record CellOutcome(Status status, int executionCount) {
  /** How a cell ended. */
  public enum Status {
    OK,
    ERROR,
    INTERRUPTED
  }
}
