package dev.flotilla.apiserver.launch;

/**
 * A started launch: the scheduler job and session it runs in (closing the session ends the job and
 * its executors), and the entrypoint task with the object that becomes ready when it returns.
 */
public record Launched(String schedulerJobId, String sessionId, String taskId, String resultObjectId) {}
