package dev.flotilla.runtime.internal.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobTypeCheckerTest {
  private static final String JOB_CLASS = "job.Order";
  private static final ClassLoader TEST_LOADER = JobTypeCheckerTest.class.getClassLoader();

  @TempDir static Path dir;
  private static URLClassLoader jobLoader;

  /** A class of the test's own loader: to an executor, one of the runtime's libraries. */
  record RuntimeLibraryValue(int x) {}

  @BeforeAll
  static void compileJobCode() {
    jobLoader =
        TestingJobCode.compile(
            dir, "job/Order.java", "package job; public record Order(int id) {}");
  }

  @AfterAll
  static void closeJobLoader() throws IOException {
    jobLoader.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "java.lang.String",
        "java.lang.Integer",
        "java.util.ArrayList",
        "java.util.HashMap",
        "java.util.ImmutableCollections$ListN",
        "java.time.Instant",
        "java.math.BigDecimal",
        "dev.flotilla.api.TaskOptions",
        "dev.flotilla.runtime.internal.client.ObjectRefImpl",
        "[Ljava.lang.String;",
        "[B"
      })
  void checkType_jdkValueAndFlotillaTypes_allowedEvenWhenStrict(String className) {
    assertThat(strict().checkType(null, className)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "java.lang.ProcessBuilder",
        "java.lang.Runtime",
        "java.lang.Thread",
        "java.lang.ClassLoader",
        "java.util.ServiceLoader",
        "java.lang.reflect.Method",
        "java.lang.reflect.Proxy",
        "java.lang.invoke.MethodHandle",
        "java.lang.invoke.SerializedLambda"
      })
  void checkType_deniedJdkTypes_refusedEvenWhenNotStrict(String className) {
    assertThat(lenient().checkType(null, className)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "java.net.URL",
        "java.io.File",
        "java.nio.file.Path",
        "javax.management.BadAttributeValueExpException",
        "com.sun.rowset.JdbcRowSetImpl",
        "sun.misc.Unsafe",
        "jdk.internal.misc.Unsafe"
      })
  void checkType_jdkClassesOutsideValuePackages_refusedEvenWhenNotStrict(String className) {
    assertThat(lenient().checkType(null, className)).isFalse();
  }

  @Test
  void checkType_unknownClass_refused() {
    assertThat(lenient().checkType(null, "com.example.DoesNotExist")).isFalse();
  }

  @Test
  void checkType_classOfTheJobLoaderItself_allowedWhenStrict() {
    assertThat(strict().checkType(null, JOB_CLASS)).isTrue();
  }

  @Test
  void checkType_classOfAParentLoader_refusedWhenStrict() {
    assertThat(strict().checkType(null, RuntimeLibraryValue.class.getName())).isFalse();
    assertThat(strict().checkType(null, "org.apache.fory.Fory")).isFalse();
  }

  @Test
  void checkType_classOfAParentLoader_allowedWhenNotStrict() {
    assertThat(
            new JobTypeChecker(jobLoader, false)
                .checkType(null, RuntimeLibraryValue.class.getName()))
        .isTrue();
  }

  @Test
  void checkType_driverLoaderNotStrict_allowsItsOwnAndLibraryClasses() {
    assertThat(lenient().checkType(null, RuntimeLibraryValue.class.getName())).isTrue();
    assertThat(lenient().checkType(null, "org.apache.fory.Fory")).isTrue();
  }

  private static JobTypeChecker strict() {
    return new JobTypeChecker(jobLoader, true);
  }

  private static JobTypeChecker lenient() {
    return new JobTypeChecker(TEST_LOADER, false);
  }
}
