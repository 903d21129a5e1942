package dev.flotilla.kernel.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bytecode of every class the kernel's cells defined ({@code REPL.$JShell$N...}), as the
 * compiler produced it (before JShell's stop-check instrumentation), so it runs anywhere.
 *
 * <p>Thread-safe. The version grows whenever a class is added or its bytes change; a new version
 * means a new code package.
 */
public final class ClassCapture {
  private final TreeMap<String, byte[]> classes = new TreeMap<>();
  private long version;

  /** Records a class the execution engine loaded or redefined. */
  synchronized void record(String binaryName, byte[] bytecode) {
    byte[] old = classes.put(binaryName, bytecode.clone());
    if (old == null || !Arrays.equals(old, bytecode)) {
      version++;
    }
  }

  /** Forgets every class (a restart). */
  synchronized void clear() {
    if (!classes.isEmpty()) {
      classes.clear();
      version++;
    }
  }

  /** Binary class name to bytecode, sorted by name; a copy. */
  public synchronized Map<String, byte[]> snapshot() {
    TreeMap<String, byte[]> copy = new TreeMap<>();
    classes.forEach((k, v) -> copy.put(k, v.clone()));
    return copy;
  }

  /** Starts at 0 and grows with every change. */
  public synchronized long version() {
    return version;
  }
}
