package dev.flotilla.deploy.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Flotilla process this launcher started: its pid, its log, and how to stop it.
 *
 * @param role "scheduler" or "worker-N"
 */
public record ManagedProcess(String role, ProcessHandle handle, Path log) {

  public long pid() {
    return handle.pid();
  }

  public boolean isAlive() {
    return handle.isAlive();
  }

  /** SIGKILL, for chaos tests: no shutdown hooks run. */
  public void kill() {
    handle.destroyForcibly();
  }

  /** SIGTERM, then SIGKILL after {@code graceMs}. Blocks until it is gone. */
  public void stop(long graceMs) {
    if (!handle.isAlive()) {
      return;
    }
    handle.destroy();
    try {
      handle.onExit().get(graceMs, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      handle.destroyForcibly();
      handle.onExit().join();
    }
  }

  /** The last lines of its log, for error messages. */
  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log at " + log + ")";
    }
  }
}
