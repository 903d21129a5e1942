package dev.flotilla.apiserver.observability;

import dev.flotilla.apiserver.edge.EdgeServer;
import dev.flotilla.apiserver.usage.UsageCollector;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Flotilla's own metrics next to Quarkus's: SDK sessions open through the edge, and how old the
 * last successful usage pull is (NaN before the first, or when the collector is off).
 */
@ApplicationScoped
class AppMetrics {
  /** Meters hold their objects weakly; these fields keep them reachable (a collection dropped them from the scrape). */
  private EdgeServer edge;
  private UsageCollector usage;

  void register(@Observes StartupEvent e, MeterRegistry registry, EdgeServer edge, UsageCollector usage,
      InstantSource clock) {
    this.edge = edge;
    this.usage = usage;
    Gauge.builder("flotilla.edge.sessions.open", edge, EdgeServer::openSessions).strongReference(true)
        .description("SDK sessions open through the edge").register(registry);
    io.micrometer.core.instrument.FunctionCounter.builder("flotilla.edge.object.bytes", edge, EdgeServer::objectBytesRelayed)
        .description("bytes of large objects relayed between SDK clients and workers").baseUnit("bytes").register(registry);
    Gauge.builder("flotilla.usage.collector.lag", usage, u -> lagSeconds(u.lastPull(), clock.instant())).strongReference(true)
        .description("seconds since the last successful usage pull").baseUnit("seconds").register(registry);
  }

  static double lagSeconds(Instant lastPull, Instant now) {
    return lastPull == null ? Double.NaN : Duration.between(lastPull, now).toMillis() / 1000.0;
  }
}
