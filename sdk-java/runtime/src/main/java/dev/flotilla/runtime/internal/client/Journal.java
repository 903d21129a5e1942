package dev.flotilla.runtime.internal.client;

import dev.flotilla.protocol.scheduler.v1.ActorCallSpec;
import dev.flotilla.protocol.scheduler.v1.ActorSpec;
import dev.flotilla.protocol.scheduler.v1.PlacementGroupSpec;
import dev.flotilla.protocol.scheduler.v1.TaskSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What this session has asked of the scheduler and still holds, in submission order: tasks and
 * actor calls whose results it references, actors and placement groups it created, and the bytes
 * of small objects it put. The scheduler keeps tasks, objects and references in memory only, so
 * after a scheduler restart the client re-sends these (see {@link Reconnector}); an entry goes when
 * its reference is released. Thread-safe.
 */
final class Journal {

  /** One thing to re-send. {@code created} completes when the scheduler has acknowledged it. */
  sealed interface Entry permits Task, Call, Actor, Group, InlinePut, StoredPut {
    String id();

    CompletableFuture<Void> created();
  }

  record Task(TaskSpec spec, CompletableFuture<Void> created) implements Entry {
    public String id() {
      return spec.getTaskId();
    }
  }

  /** An actor call; its sequence number is renumbered when re-sent to a restarted scheduler. */
  record Call(ActorCallSpec spec, CompletableFuture<Void> created) implements Entry {
    public String id() {
      return spec.getTaskId();
    }
  }

  record Actor(ActorSpec spec, CompletableFuture<Void> created) implements Entry {
    public String id() {
      return spec.getActorId();
    }
  }

  record Group(PlacementGroupSpec spec, CompletableFuture<Void> created) implements Entry {
    public String id() {
      return spec.getGroupId();
    }
  }

  /** A small object put by this session: its bytes are kept so it can be put again. */
  record InlinePut(String id, byte[] bytes, CompletableFuture<Void> created) implements Entry {}

  /** A large object put by this session: it lives on a node, which reports it after a restart. */
  record StoredPut(String id, CompletableFuture<Void> created) implements Entry {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  synchronized void add(Entry e) {
    entries.put(e.id(), e);
  }

  synchronized void remove(String id) {
    entries.remove(id);
  }

  synchronized int size() {
    return entries.size();
  }

  /** Everything, in submission order. */
  synchronized List<Entry> all() {
    return new ArrayList<>(entries.values());
  }

  /** Entries the scheduler has not acknowledged yet. */
  synchronized List<Entry> unacknowledged() {
    List<Entry> out = new ArrayList<>();
    for (Entry e : entries.values()) {
      if (!e.created().isDone()) {
        out.add(e);
      }
    }
    return out;
  }

  /** Replaces a call's entry by its renumbered spec. */
  synchronized void renumbered(Call c) {
    entries.computeIfPresent(c.id(), (k, old) -> c);
  }
}
