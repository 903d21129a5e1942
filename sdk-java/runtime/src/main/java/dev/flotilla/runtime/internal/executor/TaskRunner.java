package dev.flotilla.runtime.internal.executor;

import com.google.protobuf.ByteString;
import dev.flotilla.protocol.common.v1.ErrorInfo;
import dev.flotilla.protocol.worker.v1.ExecuteTask;
import dev.flotilla.protocol.worker.v1.LocalArg;
import dev.flotilla.protocol.worker.v1.TaskDone;
import dev.flotilla.runtime.internal.client.FlotillaProviderImpl;
import dev.flotilla.runtime.internal.serialization.ValueSerializer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs one task inside the executor: loads the job's code, decodes the arguments (mapping stored
 * ones straight from shared memory), calls the function and encodes the result or the error.
 * Thread-safe; one call per task, on its own thread.
 */
final class TaskRunner {
  private final JobClassLoaders loaders;
  private final FunctionInvoker invoker = new FunctionInvoker();
  private final ConcurrentHashMap<ClassLoader, ValueSerializer> serializers = new ConcurrentHashMap<>();
  private final ActorRegistry actors;

  /**
   * @param loaders shared with the executor's connection, so a value a task gets back from a
   *     nested call is of the same class as the task's own code
   */
  TaskRunner(ActorRegistry actors, JobClassLoaders loaders) {
    this.actors = actors;
    this.loaders = loaders;
  }

  /** Runs the task; the outcome says how long its function ran (usage metering). */
  TaskDone run(ExecuteTask task) {
    long start = System.nanoTime();
    TaskDone done = runUntimed(task);
    return done.toBuilder().setRunMicros((System.nanoTime() - start) / 1_000).build();
  }

  private TaskDone runUntimed(ExecuteTask task) {
    var done = TaskDone.newBuilder().setTaskId(task.getTaskId()).setAttempt(task.getAttempt());
    FlotillaProviderImpl.currentTask().set(task.getTaskId());
    ExecutorCodePackage.set(task.getCodePathsList());
    try {
      ClassLoader loader = loaders.forPackage(task.getCodePathsList());
      ValueSerializer ser = serializers.computeIfAbsent(loader, l -> new ValueSerializer(l, true));
      Object[] captured =
          task.getFunction().getCapturedArgs().isEmpty()
              ? new Object[0]
              : (Object[]) ser.deserialize(task.getFunction().getCapturedArgs().toByteArray());
      Object[] args = decodeArgs(task.getArgsList(), ser);
      Thread.currentThread().setContextClassLoader(loader);
      Object result;
      if (task.getActorId().isEmpty()) {
        result = invoker.invoke(loader, task.getFunction(), captured, args);
      } else if (task.getActorCreate()) {
        actors.put(task.getActorId(), invoker.invoke(loader, task.getFunction(), captured, args));
        result = null;
      } else {
        Object instance = actors.instance(task.getActorId());
        if (instance == null) {
          done.setError(error(new IllegalStateException("actor " + task.getActorId() + " does not live in this executor"),
              task.getName(), ErrorInfo.Kind.ACTOR_DIED));
          return done.build();
        }
        Object[] withReceiver = new Object[args.length + 1];
        withReceiver[0] = instance;
        System.arraycopy(args, 0, withReceiver, 1, args.length);
        result = invoker.invoke(loader, task.getFunction(), captured, withReceiver);
      }
      byte[] bytes = ser.serialize(result);
      if (bytes.length <= task.getInlineLimitBytes()) {
        done.setInlineResult(ByteString.copyFrom(bytes));
      } else {
        write(Path.of(task.getResultPath()), bytes);
        done.setStoredSize(bytes.length);
      }
    } catch (InvocationTargetException e) {
      done.setError(error(e.getCause(), task.getName(), ErrorInfo.Kind.APPLICATION));
    } catch (ClassNotFoundException e) {
      done.setError(error(new ClassNotFoundException(e.getMessage()
          + " is not in the job's code package " + task.getCodePathsList()
          + ": was the driver started with it on its class path?", e), task.getName(), ErrorInfo.Kind.INVALID));
    } catch (NoSuchMethodException | IllegalArgumentException e) {
      done.setError(error(e, task.getName(), ErrorInfo.Kind.INVALID));
    } catch (Throwable e) {
      done.setError(error(e, task.getName(), ErrorInfo.Kind.APPLICATION));
    } finally {
      FlotillaProviderImpl.currentTask().remove();
      ExecutorCodePackage.clear();
    }
    return done.build();
  }

  private static Object[] decodeArgs(List<LocalArg> wire, ValueSerializer ser) throws IOException {
    Object[] args = new Object[wire.size()];
    for (int i = 0; i < args.length; i++) {
      LocalArg a = wire.get(i);
      args[i] =
          switch (a.getSourceCase()) {
            case INLINE_VALUE -> ser.deserialize(a.getInlineValue().toByteArray());
            case FILE -> ser.deserialize(SharedMemory.map(Path.of(a.getFile().getPath()), a.getFile().getSize()));
            case SOURCE_NOT_SET -> throw new IllegalArgumentException("argument " + i + " has no value");
          };
    }
    return args;
  }

  private static void write(Path path, byte[] bytes) throws IOException {
    try (FileChannel ch = FileChannel.open(path, RESULT_OPTIONS, ownerOnly(path))) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
    }
    Files.size(path);
  }

  private static final java.util.Set<StandardOpenOption> RESULT_OPTIONS =
      java.util.EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);

  /** Result files are readable by this executor's user only (and the worker, which may be root). */
  private static java.nio.file.attribute.FileAttribute<?>[] ownerOnly(Path path) {
    if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new java.nio.file.attribute.FileAttribute<?>[0];
    }
    return new java.nio.file.attribute.FileAttribute<?>[] {
      java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
          java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"))
    };
  }

  static ErrorInfo error(Throwable t, String taskName, ErrorInfo.Kind kind) {
    var sw = new StringWriter();
    t.printStackTrace(new PrintWriter(sw));
    return ErrorInfo.newBuilder()
        .setExceptionClass(t.getClass().getName())
        .setMessage(t.getMessage() == null ? "" : t.getMessage())
        .setStackTrace(sw.toString())
        .setTaskName(taskName)
        .setKind(kind)
        .build();
  }
}
