package dev.flotilla.apiserver.kernels;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The browser's WebSocket to a notebook's kernel, {@code /ws/v1/tenants/{t}/workspaces/{w}/notebooks/{id}/kernel}.
 * A browser cannot send an Authorization header on a WebSocket, so the upgrade must offer the
 * subprotocols {@code flotilla.kernel.v1} and {@code ticket.<ticket>} with a ticket from {@code
 * POST …/notebooks/{id}/kernel} (members only, single use, valid for this path for a minute);
 * anything else is refused with 401 before the upgrade. Messages are the JSON of
 * notebook-ui/README.md, relayed by the notebook's {@link KernelSession}.
 */
@ApplicationScoped
public class KernelSocketRoute implements HttpServerOptionsCustomizer {
  static final String SUBPROTOCOL = "flotilla.kernel.v1";
  private static final Pattern PATH =
      Pattern.compile("/ws/v1/tenants/([a-z0-9-]{1,63})/workspaces/([a-z0-9-]{1,63})/notebooks/([0-9a-f-]{36})/kernel");
  private static final String TICKET = "ticket.";

  private final Kernels kernels;
  private final AtomicLong clientIds = new AtomicLong();

  KernelSocketRoute(Kernels kernels) {
    this.kernels = kernels;
  }

  /** Where the socket of a notebook's kernel is. */
  static String path(String tenant, String workspace, UUID notebook) {
    return "/ws/v1/tenants/" + tenant + "/workspaces/" + workspace + "/notebooks/" + notebook + "/kernel";
  }

  @Override
  public void customizeHttpServer(HttpServerOptions options) {
    options.addWebSocketSubProtocol(SUBPROTOCOL);
  }

  void register(@Observes Router router) {
    router.routeWithRegex(PATH.pattern()).handler(this::upgrade);
  }

  private void upgrade(RoutingContext rc) {
    Matcher m = PATH.matcher(rc.normalizedPath());
    if (!m.matches()) {
      rc.next();
      return;
    }
    if (!"websocket".equalsIgnoreCase(rc.request().getHeader("Upgrade"))) {
      refuse(rc, 400, "this is a WebSocket endpoint: open it with new WebSocket(url, ['" + SUBPROTOCOL + "', 'ticket.…'])");
      return;
    }
    List<String> offered = Optional.ofNullable(rc.request().getHeader("Sec-WebSocket-Protocol"))
        .map(h -> Arrays.stream(h.split(",")).map(String::trim).toList()).orElse(List.of());
    String ticket = offered.stream().filter(p -> p.startsWith(TICKET)).map(p -> p.substring(TICKET.length()))
        .findFirst().orElse(null);
    if (!offered.contains(SUBPROTOCOL) || ticket == null) {
      refuse(rc, 401, "offer the subprotocols " + SUBPROTOCOL + " and ticket.<ticket from POST …/kernel>");
      return;
    }
    UUID notebook = UUID.fromString(m.group(3));
    Optional<KernelSession> session = kernels.redeem(ticket, m.group(1), m.group(2), notebook);
    if (session.isEmpty()) {
      refuse(rc, 401, "the kernel ticket is unknown, used, expired or for another notebook: POST …/kernel for a new one");
      return;
    }
    rc.request().toWebSocket().onSuccess(ws -> join(ws, session.get())).onFailure(t -> {
      if (!rc.response().ended()) {
        refuse(rc, 400, "WebSocket upgrade failed: " + t.getMessage());
      }
    });
  }

  private void join(ServerWebSocket ws, KernelSession session) {
    String key = "c" + clientIds.incrementAndGet();
    KernelSession.Client client = new KernelSession.Client() {
      @Override
      public String key() {
        return key;
      }

      @Override
      public void send(String json) {
        if (!ws.isClosed()) {
          ws.writeTextMessage(json);
        }
      }
    };
    ws.textMessageHandler(text -> session.fromClient(client, text));
    ws.binaryMessageHandler(b -> ws.close((short) 1003, "text frames only"));
    ws.closeHandler(v -> session.leave(client));
    session.join(client);
  }

  private static void refuse(RoutingContext rc, int status, String detail) {
    rc.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
        .end("{\"status\":" + status + ",\"title\":\"" + (status == 401 ? "Unauthorized" : "Bad Request")
            + "\",\"detail\":\"" + detail.replace("\"", "'") + "\"}");
  }
}
