package dev.flotilla.runtime.internal.jobs;

/**
 * A job's main threw (or could not be called): the entrypoint task fails with this, so the
 * scheduler's outcome agrees with the Finished event even if the api-server never got that.
 */
public final class JobMainFailedException extends RuntimeException {
  JobMainFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
