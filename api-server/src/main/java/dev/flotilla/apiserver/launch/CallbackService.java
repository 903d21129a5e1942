package dev.flotilla.apiserver.launch;

import io.grpc.ServerServiceDefinition;

/**
 * A gRPC service that launched entrypoints dial back to. Every CDI bean implementing this is served
 * on the SDK edge's port without the API-token check: the service itself must authenticate each
 * call (a per-launch secret in {@code authorization: Bearer …}) before it reads anything.
 */
public interface CallbackService {
  ServerServiceDefinition definition();
}
