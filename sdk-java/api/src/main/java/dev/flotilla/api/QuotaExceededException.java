package dev.flotilla.api;

/**
 * The work cannot run because its workspace's budget is spent (e.g. its GPU-hours for this month).
 * Work over a concurrency quota does not throw: it waits, and its pending reason says why.
 */
public class QuotaExceededException extends FlotillaException {
  private static final long serialVersionUID = 1L;

  public QuotaExceededException(String message) {
    super(message);
  }
}
