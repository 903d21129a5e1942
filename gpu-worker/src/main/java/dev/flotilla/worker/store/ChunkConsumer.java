package dev.flotilla.worker.store;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Receives an object's bytes chunk by chunk, in order, from {@link ObjectStore#readChunks}.
 *
 * <p>Called on the thread that called {@code readChunks}. The buffer is reused for the next chunk:
 * copy out what must outlive the call (for example with {@code ByteString.copyFrom(chunk)}).
 */
@FunctionalInterface
public interface ChunkConsumer {

  /**
   * Takes one chunk.
   *
   * @param offset position of the chunk's first byte within the object
   * @param chunk the bytes, between position and limit; an empty object yields one empty chunk
   * @param totalSize the object's size, so {@code offset + chunk.remaining() == totalSize} marks
   *     the last chunk
   * @throws IOException to abort the read; it propagates out of {@code readChunks}
   */
  void accept(long offset, ByteBuffer chunk, long totalSize) throws IOException;
}
