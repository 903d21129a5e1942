package dev.flotilla.runtime.internal.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.api.function.Fn0;
import dev.flotilla.api.function.Fn1;
import dev.flotilla.api.function.Fn2;
import dev.flotilla.protocol.common.v1.FunctionDescriptor;
import dev.flotilla.runtime.internal.serialization.FunctionRefs;
import dev.flotilla.runtime.internal.serialization.ValueSerializer;
import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Descriptors come from {@link FunctionRefs}, as a driver would send them. */
class FunctionInvokerTest {
  private static final ClassLoader LOADER = FunctionInvokerTest.class.getClassLoader();
  private static final Object[] NONE = new Object[0];

  private final FunctionInvoker invoker = new FunctionInvoker();
  private final ValueSerializer serializer = new ValueSerializer(LOADER, false);

  static int square(int x) {
    return x * x;
  }

  static int square(long x) {
    throw new AssertionError("the int overload was named");
  }

  static String fail(String message) {
    throw new IllegalStateException(message);
  }

  record Point(int x, int y) {}

  static final class Counter implements Serializable {
    private final int start;

    Counter(int start) {
      this.start = start;
    }

    int plus(int n) {
      return start + n;
    }
  }

  @Test
  void invoke_staticMethodReference_callsItWithTheArguments() throws Exception {
    Fn1<Integer, Integer> fn = FunctionInvokerTest::square;

    assertThat(invoker.invoke(LOADER, describe(fn), NONE, new Object[] {7})).isEqualTo(49);
  }

  @Test
  void invoke_constructorReference_constructsAnInstance() throws Exception {
    Fn2<Integer, Integer, Point> fn = Point::new;

    assertThat(invoker.invoke(LOADER, describe(fn), NONE, new Object[] {1, 2}))
        .isEqualTo(new Point(1, 2));
  }

  @Test
  void invoke_unboundInstanceMethodReference_firstArgumentIsTheReceiver() throws Exception {
    Fn2<Counter, Integer, Integer> fn = Counter::plus;

    assertThat(invoker.invoke(LOADER, describe(fn), NONE, new Object[] {new Counter(10), 5}))
        .isEqualTo(15);
  }

  @Test
  void invoke_boundInstanceMethodReference_capturedReceiverComesFirst() throws Exception {
    var counter = new Counter(100);
    Fn1<Integer, Integer> fn = counter::plus;
    FunctionDescriptor fd = describe(fn);

    Object[] captured = (Object[]) serializer.deserialize(fd.getCapturedArgs().toByteArray());

    assertThat(invoker.invoke(LOADER, fd, captured, new Object[] {1})).isEqualTo(101);
  }

  @Test
  void invoke_capturingLambda_receivesCapturedValuesThenArguments() throws Exception {
    String prefix = "n=";
    Fn1<Integer, String> fn = x -> prefix + x;
    FunctionDescriptor fd = describe(fn);

    Object[] captured = (Object[]) serializer.deserialize(fd.getCapturedArgs().toByteArray());

    assertThat(invoker.invoke(LOADER, fd, captured, new Object[] {3})).isEqualTo("n=3");
  }

  @Test
  void invoke_interfaceMethodReference_dispatchesOnTheReceiver() throws Exception {
    Fn1<List<String>, Integer> fn = List::size;

    assertThat(invoker.invoke(LOADER, describe(fn), NONE, new Object[] {List.of("a", "b")}))
        .isEqualTo(2);
  }

  @Test
  void invoke_noArguments_callsIt() throws Exception {
    Fn0<String> fn = FunctionInvokerTest::hello;

    assertThat(invoker.invoke(LOADER, describe(fn), NONE, NONE)).isEqualTo("hello");
  }

  @Test
  void invoke_userCodeThrows_wrapsItInInvocationTargetException() {
    Fn1<String, String> fn = FunctionInvokerTest::fail;

    assertThatThrownBy(() -> invoker.invoke(LOADER, describe(fn), NONE, new Object[] {"boom"}))
        .isInstanceOf(InvocationTargetException.class)
        .cause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("boom");
  }

  @Test
  void invoke_missingMethod_throwsIllegalArgumentExceptionNamingMethodAndClass() {
    Fn1<Integer, Integer> fn = FunctionInvokerTest::square;
    FunctionDescriptor missing = describe(fn).toBuilder().setMethodName("cube").build();

    assertThatThrownBy(() -> invoker.invoke(LOADER, missing, NONE, new Object[] {2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("No method cube(I)I in " + FunctionInvokerTest.class.getName())
        .hasMessageContaining("code package");
  }

  @Test
  void invoke_changedSignature_throwsIllegalArgumentException() {
    Fn1<Integer, Integer> fn = FunctionInvokerTest::square;
    FunctionDescriptor other = describe(fn).toBuilder().setMethodDescriptor("(D)D").build();

    assertThatThrownBy(() -> invoker.invoke(LOADER, other, NONE, new Object[] {2.0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("No method square(D)D");
  }

  @Test
  void invoke_missingConstructor_throwsIllegalArgumentException() {
    Fn2<Integer, Integer, Point> fn = Point::new;
    FunctionDescriptor other = describe(fn).toBuilder().setMethodDescriptor("(I)V").build();

    assertThatThrownBy(() -> invoker.invoke(LOADER, other, NONE, new Object[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("No method <init>(I)V");
  }

  @Test
  void invoke_missingClass_throwsClassNotFoundException() {
    FunctionDescriptor fd =
        FunctionDescriptor.newBuilder()
            .setClassName("com.example.Gone")
            .setMethodName("f")
            .setMethodDescriptor("()V")
            .setImplKind(6)
            .build();

    assertThatThrownBy(() -> invoker.invoke(LOADER, fd, NONE, NONE))
        .isInstanceOf(ClassNotFoundException.class)
        .hasMessageContaining("com.example.Gone");
  }

  @Test
  void invoke_instanceMethodWithoutReceiver_throwsIllegalArgumentException() {
    Fn2<Counter, Integer, Integer> fn = Counter::plus;

    assertThatThrownBy(() -> invoker.invoke(LOADER, describe(fn), NONE, NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("without a receiver");
  }

  @Test
  void resolve_sameDescriptorTwice_returnsTheCachedMethod() throws Exception {
    Fn1<Integer, Integer> fn = FunctionInvokerTest::square;
    FunctionDescriptor fd = describe(fn);

    assertThat(invoker.resolve(LOADER, fd)).isSameAs(invoker.resolve(LOADER, fd));
  }

  static String hello() {
    return "hello";
  }

  private FunctionDescriptor describe(Serializable fn) {
    return FunctionRefs.describe(fn, serializer);
  }
}
