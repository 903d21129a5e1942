package dev.flotilla.apiserver.usage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code flotilla.usage.*} ({@code FLOTILLA_USAGE_*}). */
@ConfigMapping(prefix = "flotilla.usage")
public interface UsageConfig {
  /** How often the collector pulls the scheduler's usage totals. */
  @WithDefault("30s")
  Duration pullInterval();
}
