package dev.flotilla.kernel.internal;

import java.util.Map;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/** Hands JShell a {@link CapturingExecutionControl} bound to one kernel's capture. */
final class CapturingExecutionControlProvider implements ExecutionControlProvider {
  private final ClassLoader parent;
  private final ClassCapture capture;

  CapturingExecutionControlProvider(ClassLoader parent, ClassCapture capture) {
    this.parent = parent;
    this.capture = capture;
  }

  @Override
  public String name() {
    return "flotilla-capturing";
  }

  @Override
  public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
    return new CapturingExecutionControl(parent, capture);
  }
}
