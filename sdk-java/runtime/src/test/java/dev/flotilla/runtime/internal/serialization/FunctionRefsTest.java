package dev.flotilla.runtime.internal.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.api.FlotillaException;
import dev.flotilla.api.function.Fn1;
import dev.flotilla.api.function.Fn2;
import dev.flotilla.protocol.common.v1.FunctionDescriptor;
import java.io.Serializable;
import java.lang.invoke.MethodHandleInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionRefsTest {
  private static final String THIS_CLASS = FunctionRefsTest.class.getName();

  private final ValueSerializer serializer =
      new ValueSerializer(FunctionRefsTest.class.getClassLoader(), false);

  static int square(int x) {
    return x * x;
  }

  record Point(int x, int y) {}

  static final class Greeter implements Serializable {
    String greet(String name) {
      return "hi " + name;
    }
  }

  @Test
  void describe_staticMethodReference_namesTheMethodWithNoCapturedArgs() {
    Fn1<Integer, Integer> fn = FunctionRefsTest::square;

    FunctionDescriptor fd = FunctionRefs.describe(fn, serializer);

    assertThat(fd.getClassName()).isEqualTo(THIS_CLASS);
    assertThat(fd.getMethodName()).isEqualTo("square");
    assertThat(fd.getMethodDescriptor()).isEqualTo("(I)I");
    assertThat(fd.getImplKind()).isEqualTo(MethodHandleInfo.REF_invokeStatic);
    assertThat(fd.getCapturedArgs().isEmpty()).isTrue();
  }

  @Test
  void describe_constructorReference_isNewInvokeSpecialOfInit() {
    Fn2<Integer, Integer, Point> fn = Point::new;

    FunctionDescriptor fd = FunctionRefs.describe(fn, serializer);

    assertThat(fd.getClassName()).isEqualTo(Point.class.getName());
    assertThat(fd.getMethodName()).isEqualTo("<init>");
    assertThat(fd.getMethodDescriptor()).isEqualTo("(II)V");
    assertThat(fd.getImplKind()).isEqualTo(8).isEqualTo(MethodHandleInfo.REF_newInvokeSpecial);
    assertThat(fd.getCapturedArgs().isEmpty()).isTrue();
  }

  @Test
  void describe_unboundInstanceMethodReference_isInvokeVirtualWithoutCapture() {
    Fn2<Greeter, String, String> fn = Greeter::greet;

    FunctionDescriptor fd = FunctionRefs.describe(fn, serializer);

    assertThat(fd.getClassName()).isEqualTo(Greeter.class.getName());
    assertThat(fd.getMethodName()).isEqualTo("greet");
    assertThat(fd.getMethodDescriptor()).isEqualTo("(Ljava/lang/String;)Ljava/lang/String;");
    assertThat(fd.getImplKind()).isEqualTo(MethodHandleInfo.REF_invokeVirtual);
    assertThat(fd.getCapturedArgs().isEmpty()).isTrue();
  }

  @Test
  void describe_capturingLambda_serializesCapturedValues() {
    int offset = 41;
    String label = "n";
    Fn1<Integer, String> fn = x -> label + (x + offset);

    FunctionDescriptor fd = FunctionRefs.describe(fn, serializer);

    assertThat(fd.getClassName()).isEqualTo(THIS_CLASS);
    assertThat(fd.getMethodName()).startsWith("lambda$");
    assertThat(fd.getCapturedArgs().isEmpty()).isFalse();
    assertThat((Object[]) serializer.deserialize(fd.getCapturedArgs().toByteArray()))
        .containsExactlyInAnyOrder(offset, label);
  }

  @Test
  void describe_boundMethodReference_capturesTheReceiver() {
    List<String> receiver = new ArrayList<>(List.of("a"));
    Fn1<String, Boolean> fn = receiver::add;

    FunctionDescriptor fd = FunctionRefs.describe(fn, serializer);

    assertThat(fd.getMethodName()).isEqualTo("add");
    assertThat((Object[]) serializer.deserialize(fd.getCapturedArgs().toByteArray()))
        .containsExactly(receiver);
  }

  @Test
  void describe_serializableObjectThatIsNoLambda_throwsFlotillaException() {
    Serializable notALambda = new ArrayList<String>();

    assertThatThrownBy(() -> FunctionRefs.describe(notALambda, serializer))
        .isInstanceOf(FlotillaException.class)
        .hasMessageContaining("Not a method reference or lambda")
        .hasMessageContaining("java.util.ArrayList");
  }

  @Test
  void lambdaOf_writeReplaceReturningSomethingElse_throwsFlotillaException() {
    assertThatThrownBy(() -> FunctionRefs.lambdaOf(new ReplacedByString()))
        .isInstanceOf(FlotillaException.class)
        .hasMessageContaining(ReplacedByString.class.getName());
  }

  @Test
  void lambdaOf_null_throwsIllegalArgumentException() {
    assertThatThrownBy(() -> FunctionRefs.lambdaOf(null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void displayName_descriptor_isSimpleClassDotMethod() {
    Fn1<Integer, Integer> fn = FunctionRefsTest::square;

    assertThat(FunctionRefs.displayName(FunctionRefs.describe(fn, serializer)))
        .isEqualTo("FunctionRefsTest.square");
  }

  /** Serializable, and has a writeReplace, but is no lambda. */
  static final class ReplacedByString implements Serializable {
    @java.io.Serial
    private Object writeReplace() {
      return "replaced";
    }
  }
}
