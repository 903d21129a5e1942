package dev.flotilla.apiserver.kernels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.apiserver.launch.Launched;
import dev.flotilla.protocol.kernel.v1.Complete;
import dev.flotilla.protocol.kernel.v1.Execute;
import dev.flotilla.protocol.kernel.v1.ExecuteReply;
import dev.flotilla.protocol.kernel.v1.Inspect;
import dev.flotilla.protocol.kernel.v1.Interrupt;
import dev.flotilla.protocol.kernel.v1.KernelEvent;
import dev.flotilla.protocol.kernel.v1.KernelRequest;
import dev.flotilla.protocol.kernel.v1.Restart;
import dev.flotilla.protocol.kernel.v1.Shutdown;
import dev.flotilla.protocol.kernel.v1.Status;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One notebook's kernel as the relay sees it: the browser sockets joined to it, the kernel's gRPC
 * stream once it attached, and the requests in flight. Browser JSON (notebook-ui/README.md) is
 * turned into {@link KernelRequest}s, and the kernel's events into browser JSON for the socket
 * that asked; status goes to every socket. Requests sent before the kernel attached wait for it;
 * when the kernel dies every request in flight ends with an error naming why. Thread-safe (one
 * lock; gRPC observers are not thread-safe).
 */
final class KernelSession {
  /** A browser connection: a key unique among the session's clients, and a way to send it JSON. */
  interface Client {
    String key();

    void send(String json);
  }

  private static final int MAX_ID = 64;

  private record Pending(Client client, String uiId, StringBuilder value, ObjectNode error) {}

  final String kernelId;
  final UUID tenantId;
  final UUID workspaceId;
  final UUID notebookId;
  final String secret;
  private final ObjectMapper json;
  private final InstantSource clock;
  private final Map<String, Client> clients = new LinkedHashMap<>();
  private final Map<String, Pending> pending = new LinkedHashMap<>();
  private final List<KernelRequest> queued = new ArrayList<>();
  private StreamObserver<KernelRequest> kernel;
  private boolean attachedOnce;
  private String state = "starting";
  private String reason = "";
  private Launched launched;
  private Instant lastUsed;

  KernelSession(String kernelId, UUID tenantId, UUID workspaceId, UUID notebookId, String secret, ObjectMapper json,
      InstantSource clock) {
    this.kernelId = kernelId;
    this.tenantId = tenantId;
    this.workspaceId = workspaceId;
    this.notebookId = notebookId;
    this.secret = secret;
    this.json = json;
    this.clock = clock;
    this.lastUsed = clock.instant();
  }

  synchronized String state() {
    return state;
  }

  synchronized String reason() {
    return reason;
  }

  synchronized boolean dead() {
    return state.equals("dead");
  }

  synchronized void launched(Launched l) {
    launched = l;
  }

  synchronized Launched launch() {
    return launched;
  }

  /** When the kernel was last used: a client joined, left or sent something. */
  synchronized Instant lastUsed() {
    return lastUsed;
  }

  synchronized int clients() {
    return clients.size();
  }

  synchronized void join(Client c) {
    clients.put(c.key(), c);
    lastUsed = clock.instant();
    c.send(status());
  }

  synchronized void leave(Client c) {
    clients.remove(c.key());
    pending.values().removeIf(p -> p.client() == c);
    lastUsed = clock.instant();
  }

  /** One browser message (already size-checked by the socket). */
  synchronized void fromClient(Client c, String text) {
    lastUsed = clock.instant();
    JsonNode m;
    try {
      m = json.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      c.send(notice("not a JSON message: " + e.getOriginalMessage()));
      return;
    }
    String type = m.path("type").asText("");
    String id = m.path("id").asText("");
    if (id.length() > MAX_ID) {
      c.send(notice("request ids are at most " + MAX_ID + " characters"));
      return;
    }
    KernelRequest.Builder r = KernelRequest.newBuilder();
    switch (type) {
      case "execute" -> r.setExecute(Execute.newBuilder().setCode(m.path("code").asText("")));
      case "complete" -> r.setComplete(Complete.newBuilder().setCode(m.path("code").asText("")).setCursor(m.path("cursor").asInt(0)));
      case "inspect" -> r.setInspect(Inspect.newBuilder().setCode(m.path("code").asText("")).setCursor(m.path("cursor").asInt(0)));
      case "interrupt" -> r.setInterrupt(Interrupt.getDefaultInstance());
      case "restart" -> r.setRestart(Restart.getDefaultInstance());
      default -> {
        c.send(notice("unknown message type '" + type + "': execute, interrupt, restart, complete or inspect"));
        return;
      }
    }
    boolean answered = type.equals("execute") || type.equals("complete") || type.equals("inspect");
    if (answered && id.isEmpty()) {
      c.send(notice(type + " needs an id"));
      return;
    }
    if (state.equals("dead")) {
      if (type.equals("execute")) {
        c.send(write(error(id, "KernelDied", "the kernel is not running: " + reason)));
      }
      return;
    }
    String requestId = c.key() + ":" + (id.isEmpty() ? type + "-" + UUID.randomUUID() : id);
    if (answered) {
      pending.put(requestId, new Pending(c, id, new StringBuilder(), null));
    }
    send(r.setRequestId(requestId).build());
  }

  /** The kernel dialed back (its secret checked): queued requests go to it now. */
  synchronized void attached(StreamObserver<KernelRequest> stream) {
    if (state.equals("dead")) {
      stream.onCompleted();
      return;
    }
    kernel = stream;
    attachedOnce = true;
    if (state.equals("starting") && !reason.isEmpty()) {
      setState("starting", ""); // no longer waiting for resources
    }
    for (KernelRequest r : queued) {
      kernel.onNext(r);
    }
    queued.clear();
  }

  synchronized void fromKernel(KernelEvent e) {
    String rid = e.getRequestId();
    Pending p = pending.get(rid);
    switch (e.getKindCase()) {
      case STATUS -> {
        Status s = e.getStatus();
        switch (s.getState()) {
          case IDLE -> setState("idle", "");
          case BUSY -> setState("busy", "");
          case RESTARTING -> setState("restarting", "");
          case DEAD -> died(s.getReason().isEmpty() ? "the kernel ended" : s.getReason());
          default -> { }
        }
      }
      case STREAM -> {
        if (p != null) {
          p.client().send(write(obj("stream", p.uiId()).put("name", e.getStream().getName()).put("text", e.getStream().getText())));
        }
      }
      case DISPLAY -> {
        if (p != null) {
          p.client().send(write(obj("display", p.uiId()).put("mime", e.getDisplay().getMime())
              .put("data", e.getDisplay().getData()).put("displayId", e.getDisplay().getDisplayId())));
        }
      }
      case RESULT -> {
        if (p != null) {
          p.value().append(e.getResult().getValue());
        }
      }
      case ERROR -> {
        if (p != null) {
          var err = e.getError();
          ObjectNode n = obj("error", p.uiId()).put("ename", err.getName()).put("evalue", err.getMessage()).put("line", err.getLine());
          n.putArray("traceback").addAll(err.getTraceList().stream().map(json.getNodeFactory()::textNode).toList());
          pending.put(rid, new Pending(p.client(), p.uiId(), p.value(), n));
        }
      }
      case EXECUTE_REPLY -> {
        pending.remove(rid);
        if (p != null) {
          ExecuteReply reply = e.getExecuteReply();
          if (reply.getOutcome() == ExecuteReply.Outcome.OK || p.error() == null) {
            p.client().send(write(obj("result", p.uiId()).put("executionCount", reply.getExecutionCount())
                .put("text", p.value().toString())));
          } else {
            p.client().send(write(p.error().put("executionCount", reply.getExecutionCount())));
          }
        }
      }
      case COMPLETIONS -> {
        pending.remove(rid);
        if (p != null) {
          ObjectNode n = obj("complete_reply", p.uiId()).put("cursorStart", e.getCompletions().getAnchor())
              .put("cursorEnd", e.getCompletions().getCursor());
          n.putArray("matches").addAll(e.getCompletions().getItemsList().stream().map(json.getNodeFactory()::textNode).toList());
          p.client().send(write(n));
        }
      }
      case INSPECTION -> {
        pending.remove(rid);
        if (p != null) {
          ObjectNode n = obj("inspect_reply", p.uiId());
          n.putArray("docs").addAll(e.getInspection().getDocsList().stream().map(json.getNodeFactory()::textNode).toList());
          p.client().send(write(n));
        }
      }
      default -> { }
    }
  }

  synchronized boolean attachedOnce() {
    return attachedOnce;
  }

  /** The kernel is not placed yet, and why (the scheduler's pending reason); told to every socket once per change. */
  synchronized void waiting(String why) {
    if (state.equals("starting") && !attachedOnce && !why.equals(reason)) {
      setState("starting", why);
    }
  }

  /** Asks a live kernel to end; the caller also stops its launch. */
  synchronized void shutdown(String why) {
    if (kernel != null && !state.equals("dead")) {
      kernel.onNext(KernelRequest.newBuilder().setRequestId("shutdown").setShutdown(Shutdown.getDefaultInstance()).build());
      kernel.onCompleted();
    }
    died(why);
  }

  /** The kernel is gone (it said so, its stream broke, or its executor ended): every request in flight fails. */
  synchronized void died(String why) {
    if (state.equals("dead")) {
      return;
    }
    kernel = null;
    queued.clear();
    for (Pending p : pending.values()) {
      p.client().send(write(error(p.uiId(), "KernelDied", why)));
    }
    pending.clear();
    setState("dead", why);
  }

  private void send(KernelRequest r) {
    if (kernel == null) {
      queued.add(r);
    } else {
      kernel.onNext(r);
    }
  }

  private void setState(String s, String why) {
    state = s;
    reason = why;
    String m = status();
    clients.values().forEach(c -> c.send(m));
  }

  private String status() {
    ObjectNode n = json.createObjectNode().put("type", "status").put("state", state).put("kernelId", kernelId);
    if (!reason.isEmpty()) {
      n.put("reason", reason);
    }
    return write(n);
  }

  private ObjectNode obj(String type, String id) {
    return json.createObjectNode().put("type", type).put("id", id);
  }

  private String notice(String text) {
    return write(json.createObjectNode().put("type", "notice").put("level", "error").put("text", text));
  }

  private ObjectNode error(String id, String ename, String evalue) {
    ObjectNode n = obj("error", id).put("ename", ename).put("evalue", evalue);
    n.putArray("traceback");
    return n;
  }

  private String write(ObjectNode n) {
    try {
      return json.writeValueAsString(n);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
