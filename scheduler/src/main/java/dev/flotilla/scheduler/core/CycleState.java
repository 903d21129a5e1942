package dev.flotilla.scheduler.core;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Scratch space for one planning cycle (one {@link Planner#plan} call), shared by its plugins, e.g.
 * a total computed once rather than per node. Also carries the cycle's {@code now}: plugins read
 * time only from here. Not thread-safe; it lives for one call.
 */
public final class CycleState {
  private final Instant now;
  private Map<Key<?>, Object> data = Map.of();

  public CycleState(Instant now) {
    this.now = Objects.requireNonNull(now, "now");
  }

  /** A typed key; compare by name and type, so plugins declare them as constants. */
  public record Key<T>(String name, Class<T> type) {}

  /** Most cycles store nothing; the map is made on first write. */
  private Map<Key<?>, Object> writable() {
    if (data.isEmpty()) {
      data = new HashMap<>();
    }
    return data;
  }

  public Instant now() {
    return now;
  }

  public <T> Optional<T> read(Key<T> key) {
    return Optional.ofNullable(key.type().cast(data.get(key)));
  }

  public <T> void write(Key<T> key, T value) {
    writable().put(key, key.type().cast(value));
  }

  public <T> T computeIfAbsent(Key<T> key, Supplier<? extends T> compute) {
    Object v = data.get(key);
    if (v == null) {
      v = compute.get();
      writable().put(key, v);
    }
    return key.type().cast(v);
  }
}
