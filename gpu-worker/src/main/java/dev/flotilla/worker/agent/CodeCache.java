package dev.flotilla.worker.agent;

import dev.flotilla.protocol.scheduler.v1.BlobChunk;
import dev.flotilla.protocol.scheduler.v1.DriverServiceGrpc;
import dev.flotilla.protocol.scheduler.v1.GetBlobRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The node's cache of code blobs, fetched from the scheduler once per hash and kept as {@code
 * <hash>.jar}. Concurrent requests for one hash share one download. Thread-safe.
 */
final class CodeCache {
  private final Path dir;
  private final DriverServiceGrpc.DriverServiceBlockingStub scheduler;
  private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

  CodeCache(Path dir, DriverServiceGrpc.DriverServiceBlockingStub scheduler) throws IOException {
    this.dir = Files.createDirectories(dir);
    this.scheduler = scheduler;
  }

  /** The local path of a blob, downloading it first if needed. Blocks. */
  Path ensure(String hash) throws IOException {
    Path target = dir.resolve(hash + ".jar");
    if (Files.isRegularFile(target)) {
      return target;
    }
    synchronized (locks.computeIfAbsent(hash, h -> new Object())) {
      if (Files.isRegularFile(target)) {
        return target;
      }
      Path tmp = Files.createTempFile(dir, "blob-", ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        // Waits out a scheduler restart rather than failing the task it is for.
        Iterator<BlobChunk> chunks = scheduler.withWaitForReady().withDeadlineAfter(2, java.util.concurrent.TimeUnit.MINUTES)
            .getBlob(GetBlobRequest.newBuilder().setHash(hash).build());
        while (chunks.hasNext()) {
          chunks.next().getData().writeTo(out);
        }
      } catch (RuntimeException e) {
        Files.deleteIfExists(tmp);
        throw new IOException("cannot download code blob " + hash + ": " + e.getMessage(), e);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      return target;
    }
  }
}
