package dev.flotilla.api;

/**
 * A task could not finish within its retries because the executor or node running it kept dying
 * (killed, out of memory, machine lost). Not an error of the task's own code.
 */
public class WorkerDiedException extends TaskFailedException {
  private static final long serialVersionUID = 1L;

  public WorkerDiedException(String taskName, String message) {
    super(taskName, WorkerDiedException.class.getName(), message, "", false);
  }
}
