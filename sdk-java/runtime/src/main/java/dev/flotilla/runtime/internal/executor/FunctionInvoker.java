package dev.flotilla.runtime.internal.executor;

import dev.flotilla.protocol.common.v1.FunctionDescriptor;
import java.lang.invoke.MethodHandleInfo;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds and calls the implementation method a function descriptor names, in a job's class loader.
 * Lookups are cached per (loader, descriptor). Thread-safe.
 */
final class FunctionInvoker {
  private record Key(ClassLoader loader, String cls, String method, String descriptor) {}

  private final ConcurrentHashMap<Key, Executable> cache = new ConcurrentHashMap<>();

  /**
   * Calls the function with captured values first, then the task's arguments.
   *
   * @throws InvocationTargetException wrapping what the user's code threw
   */
  Object invoke(ClassLoader loader, FunctionDescriptor fd, Object[] captured, Object[] args)
      throws ReflectiveOperationException {
    Object[] all = new Object[captured.length + args.length];
    System.arraycopy(captured, 0, all, 0, captured.length);
    System.arraycopy(args, 0, all, captured.length, args.length);
    Executable target = resolve(loader, fd);
    if (target instanceof Constructor<?> c) {
      return c.newInstance(all);
    }
    Method m = (Method) target;
    if (Modifier.isStatic(m.getModifiers())) {
      return m.invoke(null, all);
    }
    if (all.length == 0) {
      throw new IllegalArgumentException("Instance method " + m + " called without a receiver");
    }
    Object[] rest = new Object[all.length - 1];
    System.arraycopy(all, 1, rest, 0, rest.length);
    return m.invoke(all[0], rest);
  }

  Executable resolve(ClassLoader loader, FunctionDescriptor fd) throws ClassNotFoundException {
    var key = new Key(loader, fd.getClassName(), fd.getMethodName(), fd.getMethodDescriptor());
    Executable e = cache.get(key);
    if (e == null) {
      e = find(Class.forName(fd.getClassName(), false, loader), fd);
      e.setAccessible(true);
      cache.put(key, e);
    }
    return e;
  }

  private static Executable find(Class<?> cls, FunctionDescriptor fd) {
    if (fd.getImplKind() == MethodHandleInfo.REF_newInvokeSpecial) {
      for (Constructor<?> c : cls.getDeclaredConstructors()) {
        if (descriptor(c.getParameterTypes(), void.class).equals(fd.getMethodDescriptor())) {
          return c;
        }
      }
    } else {
      for (Method m : cls.getDeclaredMethods()) {
        if (m.getName().equals(fd.getMethodName())
            && descriptor(m.getParameterTypes(), m.getReturnType()).equals(fd.getMethodDescriptor())) {
          return m;
        }
      }
    }
    throw new IllegalArgumentException(
        "No method " + fd.getMethodName() + fd.getMethodDescriptor() + " in " + cls.getName()
            + ": the driver's code differs from the code package the executor loaded");
  }

  private static String descriptor(Class<?>[] params, Class<?> ret) {
    return java.lang.invoke.MethodType.methodType(ret, params).toMethodDescriptorString();
  }
}
