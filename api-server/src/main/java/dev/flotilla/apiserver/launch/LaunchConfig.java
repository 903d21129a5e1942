package dev.flotilla.apiserver.launch;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Launch settings ({@code flotilla.launch.*}, from the environment as {@code FLOTILLA_LAUNCH_*}). */
@ConfigMapping(prefix = "flotilla.launch")
public interface LaunchConfig {
  /**
   * Where launched entrypoints on the workers reach this api-server, e.g. {@code
   * flotilla://10.0.0.5:8090} ({@code FLOTILLA_LAUNCH_CALLBACK_ADDRESS}). Without it: the edge's
   * port on its listen host, or on 127.0.0.1 when it listens on every interface — right only when
   * the workers run on this machine.
   */
  Optional<String> callbackAddress();
}
