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
 * The node's cache of code blobs, fetched from the scheduler once per hash (and per tenant user)
 * and kept as {@code <hash>.jar}. Concurrent requests for one file share one download. Thread-safe.
 */
final class CodeCache {
  private final Path dir;
  private final DriverServiceGrpc.DriverServiceBlockingStub scheduler;
  private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

  CodeCache(Path dir, DriverServiceGrpc.DriverServiceBlockingStub scheduler) throws IOException {
    this.dir = Files.createDirectories(dir);
    this.scheduler = scheduler;
  }

  /**
   * The local path of a blob, downloading it first if needed: in {@code user}'s own code directory,
   * readable by its executors only, or in the node's cache for work run as the worker. Blocks.
   */
  Path ensure(String hash, ExecutorUser user) throws IOException {
    Path target = (user == null ? dir : user.code()).resolve(hash + ".jar");
    if (Files.isRegularFile(target)) {
      return target;
    }
    synchronized (locks.computeIfAbsent(target.toString(), h -> new Object())) {
      if (Files.isRegularFile(target)) {
        return target;
      }
      Path tmp = Files.createTempFile(target.getParent(), "blob-", ".tmp");
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
      TenantUsers.shareCode(tmp, user);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      return target;
    }
  }
}
