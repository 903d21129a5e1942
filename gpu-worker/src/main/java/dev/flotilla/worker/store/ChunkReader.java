package dev.flotilla.worker.store;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Streams a file channel to a {@link ChunkConsumer}, one reused buffer at a time. */
final class ChunkReader {

  private ChunkReader() {}

  static void stream(
      String objectId, FileChannel channel, long size, int chunkSize, ChunkConsumer consumer)
      throws IOException {
    if (size == 0) {
      consumer.accept(0, ByteBuffer.allocate(0), 0);
      return;
    }
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(chunkSize, size));
    long offset = 0;
    while (offset < size) {
      buffer.clear().limit((int) Math.min(buffer.capacity(), size - offset));
      while (buffer.hasRemaining()) {
        if (channel.read(buffer, offset + buffer.position()) < 0) {
          throw new EOFException(
              "object %s: file ended after %d of %d bytes"
                  .formatted(objectId, offset + buffer.position(), size));
        }
      }
      buffer.flip();
      int length = buffer.remaining();
      consumer.accept(offset, buffer, size);
      offset += length;
    }
  }
}
