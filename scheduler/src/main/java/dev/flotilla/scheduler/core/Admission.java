package dev.flotilla.scheduler.core;

/**
 * Decides, before a task is placed, whether its job may take more resources now — hard quotas of
 * its tenant and workspace. {@link TaskQueue#schedule(ClusterState, java.time.Instant, Admission)}
 * asks it per ready task; a refused task stays queued with the refusal as its reason, and tasks
 * behind it may still be placed.
 */
public interface Admission {
  /** Null to admit (and charge) {@code demand} for the job, else why the task must wait. */
  String admit(String jobId, Resources demand);

  /** An admitted demand found no node: take the charge back. */
  void unadmit(String jobId, Resources demand);

  /** Admits everything. */
  Admission ALL = new Admission() {
    @Override
    public String admit(String jobId, Resources demand) {
      return null;
    }

    @Override
    public void unadmit(String jobId, Resources demand) {}
  };
}
