package dev.flotilla.apiserver.observability;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** {@code flotilla.metrics.*} ({@code FLOTILLA_METRICS_*}). */
@ConfigMapping(prefix = "flotilla.metrics")
public interface MetricsConfig {
  /** The bearer token a Prometheus scraper presents on {@code /q/metrics}; unset: none. */
  Optional<String> token();
}
