package dev.flotilla.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskFailedExceptionTest {

  @Test
  void message_allPartsGiven_namesTaskClassMessageAndTrace() {
    var e =
        new TaskFailedException(
            "square", "java.lang.IllegalStateException", "boom", "at Fns.square(Fns.java:3)", true);

    assertThat(e.getMessage())
        .isEqualTo(
            "Task 'square' failed: java.lang.IllegalStateException: boom\n"
                + "Remote stack trace:\n"
                + "at Fns.square(Fns.java:3)");
  }

  @Test
  void message_noRemoteMessageOrTrace_endsWithClassName() {
    var e = new TaskFailedException("square", "java.lang.OutOfMemoryError", null, null, false);

    assertThat(e.getMessage()).isEqualTo("Task 'square' failed: java.lang.OutOfMemoryError");
  }

  @Test
  void message_emptyRemoteMessageAndTrace_omitsThem() {
    var e = new TaskFailedException("t", "X", "", "", false);

    assertThat(e.getMessage()).isEqualTo("Task 't' failed: X");
  }

  @Test
  void accessors_allGiven_returnConstructorValues() {
    var e =
        new TaskFailedException(
            "square", "java.lang.ArithmeticException", "/ by zero", "trace", true);

    assertThat(e.taskName()).isEqualTo("square");
    assertThat(e.remoteClassName()).isEqualTo("java.lang.ArithmeticException");
    assertThat(e.remoteMessage()).isEqualTo("/ by zero");
    assertThat(e.remoteStackTrace()).isEqualTo("trace");
    assertThat(e.isApplicationError()).isTrue();
  }

  @Test
  void accessors_nullMessageAndTrace_returnEmptyNeverNull() {
    var e = new TaskFailedException("t", "X", null, null, false);

    assertThat(e.remoteMessage()).isEmpty();
    assertThat(e.remoteStackTrace()).isEmpty();
    assertThat(e.isApplicationError()).isFalse();
  }

  @Test
  void type_isAnUncheckedFlotillaException() {
    var e = new TaskFailedException("t", "X", null, null, false);

    assertThat(e).isInstanceOf(FlotillaException.class).isInstanceOf(RuntimeException.class);
  }
}
