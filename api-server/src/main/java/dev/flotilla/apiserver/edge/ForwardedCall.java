package dev.flotilla.apiserver.edge;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.Status;

/**
 * One SDK call relayed to the scheduler, message by message in both directions, with flow
 * control (one message asked for at a time on each side). A {@link Gate} inspects, and may rewrite
 * or refuse, each request before it goes on, and sees each response. Every method of both calls is
 * used under this object's lock (gRPC's calls are not thread-safe).
 */
final class ForwardedCall extends ServerCall.Listener<byte[]> {
  /** Looks at the messages of one call. */
  interface Gate {
    /** The request to send on (possibly rewritten); throws {@link Refused} to end the call. */
    byte[] request(byte[] message) throws Refused;

    /** A response on its way back. */
    default void response(byte[] message) {}
  }

  /** Ends the call with {@code status}. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Status status;

    Refused(Status status) {
      super(status.getDescription(), null, false, false);
      this.status = status;
    }
  }

  private final ServerCall<byte[], byte[]> server;
  private final ClientCall<byte[], byte[]> client;
  private final Gate gate;
  private boolean closed;

  ForwardedCall(ServerCall<byte[], byte[]> server, Channel scheduler, MethodDescriptor<byte[], byte[]> method,
      Metadata outgoing, Gate gate) {
    this.server = server;
    this.gate = gate;
    this.client = scheduler.newCall(method, CallOptions.DEFAULT);
    synchronized (this) {
      client.start(new ClientCall.Listener<>() {
        @Override
        public void onHeaders(Metadata headers) {
          synchronized (ForwardedCall.this) {
            if (!closed) {
              server.sendHeaders(headers);
            }
          }
        }

        @Override
        public void onMessage(byte[] message) {
          gate.response(message);
          synchronized (ForwardedCall.this) {
            if (!closed) {
              server.sendMessage(message);
              client.request(1);
            }
          }
        }

        @Override
        public void onClose(Status status, Metadata trailers) {
          synchronized (ForwardedCall.this) {
            if (!closed) {
              closed = true;
              server.close(status, trailers);
            }
          }
        }
      }, outgoing);
      client.request(1);
      server.request(1);
    }
  }

  @Override
  public void onMessage(byte[] message) {
    byte[] out;
    try {
      out = gate.request(message);
    } catch (Refused r) {
      synchronized (this) {
        if (!closed) {
          closed = true;
          client.cancel("refused by the edge", null);
          server.close(r.status, new Metadata());
        }
      }
      return;
    }
    synchronized (this) {
      if (!closed) {
        client.sendMessage(out);
        server.request(1);
      }
    }
  }

  @Override
  public synchronized void onHalfClose() {
    if (!closed) {
      client.halfClose();
    }
  }

  @Override
  public synchronized void onCancel() {
    if (!closed) {
      closed = true;
      client.cancel("the SDK client cancelled", null);
    }
  }
}
