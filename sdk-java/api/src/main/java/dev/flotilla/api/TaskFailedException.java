package dev.flotilla.api;

/**
 * A task failed: its code threw (an application error), or it could not finish within its
 * retries (its executor or node kept dying). Carries the remote exception's class, message and
 * stack trace as text, since the exception class may not exist in the caller's JVM.
 */
public class TaskFailedException extends FlotillaException {
  private static final long serialVersionUID = 1L;

  private final String taskName;
  private final String remoteClassName;
  private final String remoteMessage;
  private final String remoteStackTrace;
  private final boolean applicationError;

  public TaskFailedException(
      String taskName,
      String remoteClassName,
      String remoteMessage,
      String remoteStackTrace,
      boolean applicationError) {
    super(describe(taskName, remoteClassName, remoteMessage, remoteStackTrace));
    this.taskName = taskName;
    this.remoteClassName = remoteClassName;
    this.remoteMessage = remoteMessage;
    this.remoteStackTrace = remoteStackTrace;
    this.applicationError = applicationError;
  }

  private static String describe(String task, String cls, String msg, String trace) {
    var sb = new StringBuilder("Task '").append(task).append("' failed: ").append(cls);
    if (msg != null && !msg.isEmpty()) {
      sb.append(": ").append(msg);
    }
    if (trace != null && !trace.isEmpty()) {
      sb.append("\nRemote stack trace:\n").append(trace);
    }
    return sb.toString();
  }

  public String taskName() {
    return taskName;
  }

  /** The remote exception's class name, e.g. {@code java.lang.IllegalStateException}. */
  public String remoteClassName() {
    return remoteClassName;
  }

  /** The remote exception's message; may be empty, never null. */
  public String remoteMessage() {
    return remoteMessage == null ? "" : remoteMessage;
  }

  public String remoteStackTrace() {
    return remoteStackTrace == null ? "" : remoteStackTrace;
  }

  /** True when the task's own code threw; false for system failures such as executor death. */
  public boolean isApplicationError() {
    return applicationError;
  }
}
