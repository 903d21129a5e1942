package dev.flotilla.apiserver.jobs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits of the jobs API ({@code flotilla.jobs.*}, from the environment as {@code FLOTILLA_JOBS_*}).
 * {@code quarkus.http.limits.max-body-size} must be at least {@link #maxPackageBytes()} plus the
 * spec part; other request bodies stay capped at {@link #maxJsonBodyBytes()} by {@link BodyLimits}.
 */
@ConfigMapping(prefix = "flotilla.jobs")
public interface JobsConfig {
  /** Largest code package accepted (413 above). */
  @WithDefault("67108864")
  long maxPackageBytes();

  /** Largest body of every other request (413 above). */
  @WithDefault("65536")
  long maxJsonBodyBytes();

  @WithDefault("10000")
  int maxEntries();

  /** Total uncompressed size of a package, measured by inflating it. */
  @WithDefault("268435456")
  long maxUncompressedBytes();

  @WithDefault("100")
  int maxCompressionRatio();

  /** Longest stored log line; longer ones are cut and marked. */
  @WithDefault("8192")
  int maxLogLineChars();

  /** Most log lines stored per job; later output is dropped after one notice line. */
  @WithDefault("100000")
  long maxLogLines();

  /** Most log characters stored per job (all lines together). */
  @WithDefault("16777216")
  long maxLogChars();
}
