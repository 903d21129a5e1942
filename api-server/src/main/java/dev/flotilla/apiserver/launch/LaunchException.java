package dev.flotilla.apiserver.launch;

/**
 * A launch that could not start, with the reason a user can act on (the scheduler's own message
 * where it gave one).
 *
 * @see #retryable()
 */
public final class LaunchException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final boolean retryable;

  public LaunchException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  /** True when trying again later may work (the scheduler was unreachable), false when it will not. */
  public boolean retryable() {
    return retryable;
  }
}
