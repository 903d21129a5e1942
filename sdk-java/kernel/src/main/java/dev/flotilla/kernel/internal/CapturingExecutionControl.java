package dev.flotilla.kernel.internal;

import jdk.jshell.execution.LocalExecutionControl;

/**
 * JShell's in-process execution engine, recording the bytes of every class it loads or redefines
 * into a {@link ClassCapture}. Recording happens only after the JVM accepted the class.
 */
final class CapturingExecutionControl extends LocalExecutionControl {
  private final ClassCapture capture;

  CapturingExecutionControl(ClassLoader parent, ClassCapture capture) {
    super(parent);
    this.capture = capture;
  }

  @Override
  public void load(ClassBytecodes[] cbcs)
      throws ClassInstallException, NotImplementedException, EngineTerminationException {
    super.load(cbcs);
    record(cbcs);
  }

  @Override
  public void redefine(ClassBytecodes[] cbcs)
      throws ClassInstallException, NotImplementedException, EngineTerminationException {
    super.redefine(cbcs);
    record(cbcs);
  }

  private void record(ClassBytecodes[] cbcs) {
    for (ClassBytecodes c : cbcs) {
      capture.record(c.name(), c.bytecodes());
    }
  }
}
