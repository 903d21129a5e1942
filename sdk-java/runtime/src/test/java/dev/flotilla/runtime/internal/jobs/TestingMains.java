package dev.flotilla.runtime.internal.jobs;

import java.util.concurrent.CountDownLatch;

/** Job main classes for {@link JobDriverTest}, loaded by name as a job's would be. */
final class TestingMains {
  private TestingMains() {}

  static volatile boolean ran;

  /** Prints its arguments to stdout and one line to stderr. */
  public static final class Printer {
    public static void main(String[] args) {
      ran = true;
      for (String a : args) {
        System.out.println("arg " + a);
      }
      System.err.println("to stderr");
      System.out.print("no newline at the end");
    }
  }

  /** Throws after printing a line. */
  public static final class Thrower {
    public static void main(String[] args) {
      System.out.println("about to fail");
      throw new IllegalStateException("the model diverged");
    }
  }

  /** Prints, then waits until interrupted. */
  public static final class Waiter {
    public static void main(String[] args) throws InterruptedException {
      System.out.println("waiting");
      new CountDownLatch(1).await();
    }
  }

  /** Records that it ran. */
  public static final class Marker {
    public static void main(String[] args) {
      ran = true;
    }
  }
}
