package dev.flotilla.scheduler.service;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Recognises the authenticated edge (the api-server): a call carrying the scheduler's edge secret
 * in {@code x-flotilla-edge-secret} may open sessions for a tenant and set its quotas. With a
 * secret configured, driver sessions without it are refused (tenants reach the scheduler only
 * through the edge); without one (a local cluster) every driver session is local.
 */
final class EdgeAuth implements ServerInterceptor {
  static final Metadata.Key<String> HEADER = Metadata.Key.of("x-flotilla-edge-secret", Metadata.ASCII_STRING_MARSHALLER);
  private static final Context.Key<Boolean> PRESENTED = Context.key("flotilla-edge");

  private final byte[] secret;

  /** @param secret the shared secret, or null/blank for none */
  EdgeAuth(String secret) {
    this.secret = secret == null || secret.isBlank() ? null : secret.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String given = headers.get(HEADER);
    boolean ok = secret != null && given != null
        && MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8));
    return ok ? Contexts.interceptCall(Context.current().withValue(PRESENTED, true), call, headers, next)
        : next.startCall(call, headers);
  }

  /** True when a secret is configured: driver sessions must come through the edge. */
  boolean required() {
    return secret != null;
  }

  /** True when the current call presented the secret. */
  boolean presented() {
    return Boolean.TRUE.equals(PRESENTED.get());
  }
}
