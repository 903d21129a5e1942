package dev.flotilla.apiserver.kernels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A test's browser-side kernel socket: JDK WebSocket client, received JSON messages kept in order. */
final class KernelSocket implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
  final List<JsonNode> seen = new ArrayList<>();
  private final WebSocket ws;
  private int ids;

  private KernelSocket(URI uri, String... subprotocols) {
    var builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    if (subprotocols.length > 0) {
      builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
    }
    ws = builder.buildAsync(uri, new Listener()).join();
  }

  /** Opens the socket; a refused handshake throws (its cause is a WebSocketHandshakeException). */
  static KernelSocket open(URI uri, String... subprotocols) {
    return new KernelSocket(uri, subprotocols);
  }

  String subprotocol() {
    return ws.getSubprotocol();
  }

  /** Sends an execute request; answers its id. */
  String execute(String code) {
    String id = "t" + (++ids);
    send(JSON.createObjectNode().put("type", "execute").put("id", id).put("code", code).toString());
    return id;
  }

  void send(String json) {
    ws.sendText(json, true).join();
  }

  /** The next message (after those already seen) matching {@code what}; fails after {@code timeout}. */
  JsonNode await(String description, Duration timeout, Predicate<JsonNode> what) {
    for (JsonNode n : seen) {
      if (what.test(n)) {
        return n;
      }
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      JsonNode n;
      try {
        n = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      if (n == null) {
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + description
            + "; received: " + seen);
      }
      seen.add(n);
      if (what.test(n)) {
        return n;
      }
    }
  }

  /** The message that ends request {@code id}: its result or its error. */
  JsonNode end(String id, Duration timeout) {
    return await("the end of " + id, timeout, n -> id.equals(n.path("id").asText())
        && (n.path("type").asText().equals("result") || n.path("type").asText().equals("error")));
  }

  JsonNode state(String state, Duration timeout) {
    return await("kernel state " + state, timeout,
        n -> n.path("type").asText().equals("status") && n.path("state").asText().equals(state));
  }

  @Override
  public void close() {
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).exceptionally(t -> null).join();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          inbox.add(JSON.readTree(partial.toString()));
        } catch (java.io.IOException e) {
          throw new IllegalStateException("not JSON from the relay: " + partial, e);
        }
        partial.setLength(0);
      }
      w.request(1);
      return CompletableFuture.completedFuture(null);
    }
  }
}
