package dev.flotilla.apiserver.kernels;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Notebook kernel settings ({@code flotilla.kernels.*}, env {@code FLOTILLA_KERNELS_*}). */
@ConfigMapping(prefix = "flotilla.kernels")
public interface KernelsConfig {
  /** A kernel no browser has been connected to for this long is shut down (its executor freed). */
  @WithDefault("PT30M")
  Duration idleTimeout();

  /** CPUs a kernel holds while it lives (its cells' tasks take their own). */
  @WithDefault("1")
  double cpus();

  /** How long a WebSocket ticket from {@code POST …/kernel} stays redeemable (once). */
  @WithDefault("PT1M")
  Duration ticketTtl();
}
