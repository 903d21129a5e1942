package dev.flotilla.scheduler.service;

import dev.flotilla.protocol.common.v1.Empty;
import dev.flotilla.protocol.scheduler.v1.BlobChunk;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.IOException;

/** Receives a stream of blob chunks; each blob ends with a chunk marked last. */
final class BlobUpload implements StreamObserver<BlobChunk> {
  private final BlobStore blobs;
  private final StreamObserver<Empty> out;
  private BlobStore.Upload current;
  private String currentHash;
  private boolean failed;

  BlobUpload(BlobStore blobs, StreamObserver<Empty> out) {
    this.blobs = blobs;
    this.out = out;
  }

  @Override
  public void onNext(BlobChunk chunk) {
    if (failed) {
      return;
    }
    try {
      if (current == null) {
        current = blobs.new Upload(chunk.getHash());
        currentHash = chunk.getHash();
      } else if (!currentHash.equals(chunk.getHash())) {
        throw new IllegalArgumentException(
            "chunk of " + chunk.getHash() + " before blob " + currentHash + " ended");
      }
      current.write(chunk.getData().toByteArray());
      if (chunk.getLast()) {
        current.commit();
        current = null;
      }
    } catch (IOException | IllegalArgumentException e) {
      failed = true;
      closeQuietly();
      out.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
    }
  }

  @Override
  public void onError(Throwable t) {
    closeQuietly();
  }

  @Override
  public void onCompleted() {
    if (failed) {
      return;
    }
    if (current != null) {
      closeQuietly();
      out.onError(Status.INVALID_ARGUMENT.withDescription("upload ended inside a blob").asRuntimeException());
      return;
    }
    out.onNext(Empty.getDefaultInstance());
    out.onCompleted();
  }

  private void closeQuietly() {
    if (current != null) {
      try {
        current.close();
      } catch (IOException e) {
        // the temp file is gone with the upload
      }
      current = null;
    }
  }
}
