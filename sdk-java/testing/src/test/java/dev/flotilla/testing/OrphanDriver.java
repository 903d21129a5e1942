package dev.flotilla.testing;

import dev.flotilla.api.Flotilla;

/** A driver that submits a long task and then waits forever; the test kills it with SIGKILL. */
public final class OrphanDriver {
  private OrphanDriver() {}

  public static void main(String[] args) throws InterruptedException {
    Flotilla fl = Flotilla.connect(args[0]);
    fl.task(MathFns::slowIdentity, 1, 600_000L).remote();
    System.out.println("submitted " + fl.jobId());
    System.out.flush();
    Thread.currentThread().join();
  }
}
