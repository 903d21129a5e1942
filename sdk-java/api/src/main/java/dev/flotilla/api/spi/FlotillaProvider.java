package dev.flotilla.api.spi;

import dev.flotilla.api.Flotilla;
import dev.flotilla.api.FlotillaException;
import java.util.ServiceLoader;

/**
 * How the API finds its runtime: {@code flotilla-sdk} registers an implementation with {@link
 * ServiceLoader}. Users never call this.
 */
public interface FlotillaProvider {

  /** Connects to {@code address}, or to the configured cluster when it is null. */
  Flotilla connect(String address);

  /**
   * Connects to the platform's edge at {@code address} with an API token (null address: the
   * configured one).
   */
  Flotilla connect(String address, String token);

  /**
   * {@link #connect(String, String)}, refused by the edge unless the token belongs to {@code
   * workspace} (null: any).
   */
  Flotilla connect(String address, String token, String workspace);

  /** The connection of the task running on this thread. */
  Flotilla current();

  /**
   * Finds the runtime on the class path.
   *
   * @throws FlotillaException if there is none
   */
  static FlotillaProvider load() {
    return Holder.INSTANCE.orElseThrow(
        () ->
            new FlotillaException(
                "No Flotilla runtime on the class path: add the dependency"
                    + " dev.flotilla:flotilla-sdk"));
  }

  /** Looked up once per class loader of the API; absent when no runtime is on the class path. */
  final class Holder {
    static final java.util.Optional<FlotillaProvider> INSTANCE =
        ServiceLoader.load(FlotillaProvider.class, FlotillaProvider.class.getClassLoader())
            .findFirst();

    private Holder() {}
  }
}
