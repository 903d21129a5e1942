package dev.flotilla.api;

import dev.flotilla.api.spi.FlotillaProvider;
import java.time.Duration;
import java.util.List;

/**
 * A connection to a Flotilla cluster: submits remote tasks, puts and gets shared objects.
 *
 * <pre>{@code
 * try (Flotilla fl = Flotilla.connect()) {
 *   ObjectRef<Integer> r = fl.task(MathFns::square, 7).remote();
 *   int v = r.get();
 * }
 * }</pre>
 *
 * <p>Instances are thread-safe. Methods that wait say so; none may be called on a Vert.x event
 * loop. Closing a driver's connection ends its job: its objects are freed and its executors stop.
 */
public interface Flotilla extends TaskFactory, ActorFactory, AutoCloseable {

  /**
   * Connects to the cluster named by {@code FLOTILLA_ADDRESS}, else by the file {@code
   * ~/.flotilla/address} that {@code flotilla cluster start} writes; with the API token in {@code
   * FLOTILLA_TOKEN} when it is set (a hosted platform's edge).
   *
   * @throws ClusterUnavailableException if no address is configured or nothing answers there
   */
  static Flotilla connect() {
    String token = System.getenv("FLOTILLA_TOKEN");
    return token == null || token.isBlank() ? FlotillaProvider.load().connect(null)
        : FlotillaProvider.load().connect(null, token.strip());
  }

  /**
   * Connects to a hosted platform's edge at {@code flotilla://host:port}, or {@code flotillas://host:port} / {@code https://host:port} over TLS (the api-server's SDK
   * port) with an API token of one workspace; the work runs in that workspace, within its quotas.
   *
   * @throws IllegalArgumentException if the address or token is malformed
   * @throws FlotillaException if the token is unknown, revoked or expired
   * @throws ClusterUnavailableException if nothing answers there
   */
  static Flotilla connect(String address, String token) {
    if (address == null || address.isBlank()) {
      throw new IllegalArgumentException("address must be flotilla://host:port (or flotillas://, https:// for TLS), got: " + address);
    }
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("an API token is required (create one in the workspace's settings)");
    }
    return FlotillaProvider.load().connect(address, token.strip());
  }

  /**
   * Connects to {@code flotilla://host:port}.
   *
   * @throws IllegalArgumentException if the address is malformed
   * @throws ClusterUnavailableException if nothing answers there
   */
  static Flotilla connect(String address) {
    if (address == null || address.isBlank()) {
      throw new IllegalArgumentException("address must be flotilla://host:port (or flotillas://, https:// for TLS), got: " + address);
    }
    return FlotillaProvider.load().connect(address);
  }

  /**
   * Options for a connection:
   *
   * <pre>{@code
   * Flotilla fl = Flotilla.builder().address("flotilla://platform:8090").token(token).workspace("vision").connect();
   * }</pre>
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a connection; unset values come from {@code FLOTILLA_ADDRESS} and {@code FLOTILLA_TOKEN}. */
  final class Builder {
    private String address;
    private String token;
    private String workspace;

    private Builder() {}

    /** {@code flotilla://host:port}: a cluster, or a hosted platform's edge. */
    public Builder address(String address) {
      this.address = address;
      return this;
    }

    /** An API token of the workspace to run in (a hosted platform). */
    public Builder token(String token) {
      this.token = token;
      return this;
    }

    /**
     * The workspace the work must run in: the edge refuses the connection if the token belongs to
     * another one (a guard against using the wrong token).
     */
    public Builder workspace(String workspace) {
      this.workspace = workspace;
      return this;
    }

    /**
     * Connects.
     *
     * @throws IllegalArgumentException if a workspace is named without a token
     * @throws ClusterUnavailableException if nothing answers there
     */
    public Flotilla connect() {
      String t = token != null ? token : System.getenv("FLOTILLA_TOKEN");
      if (t != null && t.isBlank()) {
        t = null;
      }
      if (workspace != null && t == null) {
        throw new IllegalArgumentException("a workspace is chosen by its API token: give token(...) or FLOTILLA_TOKEN");
      }
      if (address != null && address.isBlank()) {
        throw new IllegalArgumentException("address must be flotilla://host:port (or flotillas://, https:// for TLS), got: " + address);
      }
      return t == null ? FlotillaProvider.load().connect(address)
          : FlotillaProvider.load().connect(address, t.strip(), workspace);
    }
  }

  /**
   * The connection of the task running on this thread, for nested tasks.
   *
   * @throws IllegalStateException outside a Flotilla task
   */
  static Flotilla current() {
    return FlotillaProvider.load().current();
  }

  /** Stores a value in the cluster; the ref may be passed to tasks. Blocks until stored. */
  <T> ObjectRef<T> put(T value);

  /** Waits for every ref and returns their values in order. */
  <T> List<T> get(List<ObjectRef<T>> refs);

  /**
   * Waits at most {@code timeout} for every ref.
   *
   * @throws GetTimeoutException if some are still not ready when the timeout passes
   */
  <T> List<T> get(List<ObjectRef<T>> refs, Duration timeout);

  /**
   * Waits until {@code numReturns} of the refs are ready or the timeout passes, whichever is
   * first. Fetches no values.
   */
  <T> WaitResult<T> wait(List<ObjectRef<T>> refs, int numReturns, Duration timeout);

  /**
   * The live actor with this name in this namespace, if any.
   *
   * @param <A> the actor's class, as the caller expects it
   */
  <A> java.util.Optional<ActorHandle<A>> getActor(String name, String namespace);

  /**
   * Kills an actor: frees its resources; it is not restarted; calls to it then fail with {@link
   * ActorDiedException}. Blocks until the cluster has acknowledged.
   */
  void kill(ActorHandle<?> actor);

  /**
   * Reserves a gang of bundles with a strategy; returns at once. Use {@link PlacementGroup#ready}
   * to wait, and the {@code placementGroup(pg, bundleIndex)} option of tasks and actors to run in
   * a bundle.
   *
   * @throws IllegalArgumentException if there are no bundles
   */
  PlacementGroup placementGroup(java.util.List<Bundle> bundles, PlacementStrategy strategy);

  /** Frees every bundle; actors placed in the group are killed. Blocks until acknowledged. */
  void removePlacementGroup(PlacementGroup group);

  /** The id of the job this connection belongs to. */
  String jobId();

  /** Ends this connection; a driver's close ends its job. Never throws. */
  @Override
  void close();
}
