package dev.flotilla.apiserver;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock for unit tests that moves only when told. */
public final class ManualClock implements InstantSource {
  private volatile Instant now = Instant.parse("2026-12-01T00:00:00Z");

  @Override
  public Instant instant() {
    return now;
  }

  public void advance(Duration d) {
    now = now.plus(d);
  }
}
