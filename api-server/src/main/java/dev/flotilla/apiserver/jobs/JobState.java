package dev.flotilla.apiserver.jobs;

/** A job's status; the last three are final. */
public enum JobState {
  QUEUED, RUNNING, SUCCEEDED, FAILED, STOPPED;

  public boolean isFinal() {
    return this == SUCCEEDED || this == FAILED || this == STOPPED;
  }
}
