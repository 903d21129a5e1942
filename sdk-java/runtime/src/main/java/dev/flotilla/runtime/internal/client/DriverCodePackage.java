package dev.flotilla.runtime.internal.client;

import com.google.protobuf.ByteString;
import dev.flotilla.api.FlotillaException;
import dev.flotilla.protocol.common.v1.Empty;
import dev.flotilla.protocol.scheduler.v1.BlobChunk;
import dev.flotilla.protocol.scheduler.v1.DriverServiceGrpc;
import dev.flotilla.protocol.scheduler.v1.MissingBlobsRequest;
import dev.flotilla.runtime.internal.codepackage.CodeBlob;
import dev.flotilla.runtime.internal.codepackage.CodePackager;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A driver's code package, packed from its class path and uploaded once, on the first task.
 * Later tasks reuse the same hashes. Thread-safe.
 */
public final class DriverCodePackage implements CodePackageSource {
  private final CodePackager packager;
  private final Supplier<List<Path>> classPath;
  private volatile List<String> hashes;

  DriverCodePackage(CodePackager packager, Supplier<List<Path>> classPath) {
    this.packager = packager;
    this.classPath = classPath;
  }

  @Override
  public List<String> hashes(DriverServiceGrpc.DriverServiceBlockingStub stub) {
    List<String> h = hashes;
    if (h == null) {
      synchronized (this) {
        h = hashes;
        if (h == null) {
          h = upload(stub, packager.pack(classPath.get()));
          hashes = h;
        }
      }
    }
    return h;
  }

  /** Uploads the blobs the cluster lacks; returns every blob's hash in order. Blocks. */
  public static List<String> upload(DriverServiceGrpc.DriverServiceBlockingStub stub, List<CodeBlob> blobs) {
    List<String> all = blobs.stream().map(CodeBlob::hash).toList();
    var missing =
        new HashSet<>(stub.missingBlobs(MissingBlobsRequest.newBuilder().addAllHashes(all).build()).getMissingList());
    if (missing.isEmpty()) {
      return all;
    }
    var done = new CompletableFuture<Void>();
    StreamObserver<BlobChunk> out =
        DriverServiceGrpc.newStub(stub.getChannel())
            .uploadBlobs(
                new StreamObserver<Empty>() {
                  @Override
                  public void onNext(Empty value) {}

                  @Override
                  public void onError(Throwable t) {
                    done.completeExceptionally(t);
                  }

                  @Override
                  public void onCompleted() {
                    done.complete(null);
                  }
                });
    try {
      for (CodeBlob b : blobs) {
        if (missing.remove(b.hash())) {
          send(out, b.hash(), b.file());
        }
      }
    } catch (IOException e) {
      out.onError(e);
      throw new FlotillaException("Cannot read code package file: " + e.getMessage(), e);
    }
    out.onCompleted();
    FlotillaImpl.join(done);
    return all;
  }

  private static void send(StreamObserver<BlobChunk> out, String hash, Path file) throws IOException {
    long total = Files.size(file);
    long sent = 0;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 20];
      do {
        int n = in.readNBytes(buf, 0, buf.length);
        sent += n;
        out.onNext(
            BlobChunk.newBuilder()
                .setHash(hash)
                .setData(ByteString.copyFrom(buf, 0, n))
                .setLast(sent >= total || n == 0)
                .build());
        if (n == 0) {
          break;
        }
      } while (sent < total);
    }
  }
}
