package dev.flotilla.apiserver.kernels;

import dev.flotilla.apiserver.launch.CallbackService;
import dev.flotilla.protocol.kernel.v1.KernelChannelGrpc;
import dev.flotilla.protocol.kernel.v1.KernelEvent;
import dev.flotilla.protocol.kernel.v1.KernelRequest;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The api-server's end of {@code flotilla.kernel.v1.KernelChannel}, served on the edge port: a
 * launched kernel attaches with its per-kernel secret ({@code authorization: Bearer …}); any other
 * caller is refused with UNAUTHENTICATED before a message is read.
 */
@ApplicationScoped
public class KernelChannelService implements CallbackService {
  private static final Logger LOG = Logger.getLogger(KernelChannelService.class);
  private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final Context.Key<KernelSession> SESSION = Context.key("flotilla-kernel-session");

  private final Kernels kernels;

  KernelChannelService(Kernels kernels) {
    this.kernels = kernels;
  }

  @Override
  public ServerServiceDefinition definition() {
    return ServerInterceptors.intercept(new Channel(), new Authenticate());
  }

  private final class Authenticate implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
      String h = headers.get(AUTHORIZATION);
      String secret = h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).trim() : null;
      var session = kernels.bySecret(secret);
      if (session.isEmpty()) {
        call.close(Status.UNAUTHENTICATED.withDescription("unknown kernel secret"), new Metadata());
        return new ServerCall.Listener<>() {};
      }
      return Contexts.interceptCall(Context.current().withValue(SESSION, session.get()), call, headers, next);
    }
  }

  private static final class Channel extends KernelChannelGrpc.KernelChannelImplBase {
    @Override
    public StreamObserver<KernelEvent> attach(StreamObserver<KernelRequest> toKernel) {
      KernelSession s = SESSION.get();
      s.attached(toKernel);
      LOG.infof("kernel %s attached", s.kernelId);
      return new StreamObserver<>() {
        @Override
        public void onNext(KernelEvent e) {
          s.fromKernel(e);
        }

        @Override
        public void onError(Throwable t) {
          s.died("the kernel's connection broke: " + Status.fromThrowable(t).getCode());
        }

        @Override
        public void onCompleted() {
          s.died("the kernel ended");
        }
      };
    }
  }
}
