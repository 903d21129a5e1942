package dev.flotilla.runtime.internal.executor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Maps a node-store file read-only: the executor reads the object without copying it. */
public final class SharedMemory {
  private SharedMemory() {}

  public static ByteBuffer map(Path file, long size) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
    }
  }
}
