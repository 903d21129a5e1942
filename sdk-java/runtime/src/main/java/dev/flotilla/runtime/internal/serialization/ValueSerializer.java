package dev.flotilla.runtime.internal.serialization;

import dev.flotilla.api.SerializationException;
import java.nio.ByteBuffer;
import org.apache.fory.Fory;
import org.apache.fory.ThreadSafeFory;
import org.apache.fory.config.Language;

/**
 * Serializes task arguments and results with Apache Fory for one class loader (the driver's, or
 * one job's code-package loader in an executor). Types are checked against a {@link
 * JobTypeChecker} allow-list. Thread-safe.
 */
public final class ValueSerializer {
  // Pooled rather than thread-local: tasks and callers run on virtual threads.
  private static final int POOL_SIZE = 32;
  private final ThreadSafeFory fory;

  /**
   * @param loader the loader values' classes come from
   * @param strict executors pass true: only classes defined by {@code loader} itself (the job's
   *     code package) and JDK value types are allowed
   */
  public ValueSerializer(ClassLoader loader, boolean strict) {
    var checker = new JobTypeChecker(loader, strict);
    this.fory =
        Fory.builder()
            .withLanguage(Language.JAVA)
            .withClassLoader(loader)
            .withRefTracking(true)
            .requireClassRegistration(false)
            .suppressClassRegistrationWarnings(true)
            .withTypeChecker(checker)
            .withAsyncCompilation(true)
            .withName("flotilla")
            .buildThreadSafeForyPool(POOL_SIZE);
  }

  public byte[] serialize(Object value) {
    try {
      return fory.serialize(value);
    } catch (RuntimeException e) {
      throw new SerializationException(
          "Cannot serialize a value of " + typeOf(value) + ": " + e.getMessage(), e);
    }
  }

  public Object deserialize(byte[] bytes) {
    try {
      return fory.deserialize(bytes);
    } catch (RuntimeException e) {
      throw new SerializationException("Cannot deserialize a value: " + e.getMessage(), e);
    }
  }

  /** Reads straight from a buffer, e.g. a mapped shared-memory file. */
  public Object deserialize(ByteBuffer buffer) {
    try {
      return fory.deserialize(buffer);
    } catch (RuntimeException e) {
      throw new SerializationException("Cannot deserialize a value: " + e.getMessage(), e);
    }
  }

  private static String typeOf(Object value) {
    return value == null ? "null" : value.getClass().getName();
  }
}
