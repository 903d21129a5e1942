package dev.flotilla.runtime.internal.client;

import io.grpc.stub.StreamObserver;

/** Ignores a stream's events; for streams held open only for their lifetime. */
final class NoopObserver<T> implements StreamObserver<T> {
  @Override
  public void onNext(T value) {}

  @Override
  public void onError(Throwable t) {}

  @Override
  public void onCompleted() {}
}
