package dev.flotilla.api;

/** No cluster address is configured, or the cluster there does not answer. */
public class ClusterUnavailableException extends FlotillaException {
  private static final long serialVersionUID = 1L;

  public ClusterUnavailableException(String message) {
    super(message);
  }

  public ClusterUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
