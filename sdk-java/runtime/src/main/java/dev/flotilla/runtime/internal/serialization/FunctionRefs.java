package dev.flotilla.runtime.internal.serialization;

import dev.flotilla.api.FlotillaException;
import dev.flotilla.protocol.common.v1.FunctionDescriptor;
import com.google.protobuf.ByteString;
import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a serializable method reference or lambda into the {@link FunctionDescriptor} the
 * platform identifies it by (its {@link SerializedLambda}'s implementation method), and its
 * captured values into bytes.
 */
public final class FunctionRefs {
  private static final ConcurrentHashMap<Class<?>, Method> WRITE_REPLACE = new ConcurrentHashMap<>();

  private FunctionRefs() {}

  public static SerializedLambda lambdaOf(Serializable fn) {
    if (fn == null) {
      throw new IllegalArgumentException("function must not be null");
    }
    try {
      Method m = WRITE_REPLACE.computeIfAbsent(fn.getClass(), FunctionRefs::writeReplace);
      Object replaced = m.invoke(fn);
      if (replaced instanceof SerializedLambda sl) {
        return sl;
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new FlotillaException(
          "Not a method reference or lambda: " + fn.getClass().getName()
              + " (pass e.g. MathFns::square)", e);
    }
    throw new FlotillaException("Not a method reference or lambda: " + fn.getClass().getName());
  }

  public static FunctionDescriptor describe(Serializable fn, ValueSerializer serializer) {
    SerializedLambda sl = lambdaOf(fn);
    var b =
        FunctionDescriptor.newBuilder()
            .setClassName(sl.getImplClass().replace('/', '.'))
            .setMethodName(sl.getImplMethodName())
            .setMethodDescriptor(sl.getImplMethodSignature())
            .setImplKind(sl.getImplMethodKind());
    if (sl.getCapturedArgCount() > 0) {
      Object[] captured = new Object[sl.getCapturedArgCount()];
      for (int i = 0; i < captured.length; i++) {
        captured[i] = sl.getCapturedArg(i);
      }
      b.setCapturedArgs(ByteString.copyFrom(serializer.serialize(captured)));
    }
    return b.build();
  }

  /** A short name for a task: {@code Class.method}. */
  public static String displayName(FunctionDescriptor fd) {
    String cls = fd.getClassName();
    return cls.substring(cls.lastIndexOf('.') + 1) + "." + fd.getMethodName();
  }

  private static Method writeReplace(Class<?> c) {
    try {
      Method m = c.getDeclaredMethod("writeReplace");
      m.setAccessible(true);
      return m;
    } catch (NoSuchMethodException e) {
      throw new FlotillaException(
          "Not a serializable method reference or lambda: " + c.getName(), e);
    }
  }
}
