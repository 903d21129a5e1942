package dev.flotilla.runtime.internal.client;

import dev.flotilla.api.ActorDiedException;
import dev.flotilla.api.ClusterUnavailableException;
import dev.flotilla.api.FlotillaException;
import dev.flotilla.api.ObjectLostException;
import dev.flotilla.api.TaskFailedException;
import dev.flotilla.api.WorkerDiedException;
import dev.flotilla.protocol.common.v1.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** Turns wire errors into the API's typed exceptions. */
public final class RemoteErrors {
  private RemoteErrors() {}

  public static FlotillaException fromStatus(StatusRuntimeException e, ClusterAddress address) {
    Status.Code code = e.getStatus().getCode();
    String detail = e.getStatus().getDescription() == null ? code.name() : e.getStatus().getDescription();
    return switch (code) {
      case ALREADY_EXISTS -> new FlotillaException(detail, e);
      case UNAVAILABLE, DEADLINE_EXCEEDED ->
          new ClusterUnavailableException(
              "The Flotilla cluster at " + address + " does not answer (" + detail
                  + "). Is it running? `./flotilla cluster status` shows it.", e);
      case RESOURCE_EXHAUSTED -> new dev.flotilla.api.QuotaExceededException(detail);
      case INVALID_ARGUMENT, FAILED_PRECONDITION, NOT_FOUND ->
          new FlotillaException(detail, e);
      default -> new FlotillaException("Cluster call failed: " + code + ": " + detail, e);
    };
  }

  public static FlotillaException fromErrorInfo(String objectId, ErrorInfo error) {
    return switch (error.getKind()) {
      case OBJECT_LOST -> new ObjectLostException(error.getMessage());
      case ACTOR_DIED -> new ActorDiedException(error.getMessage());
      case QUOTA_EXCEEDED -> new dev.flotilla.api.QuotaExceededException(error.getMessage());
      case EXECUTOR_DIED, NODE_DIED ->
          new WorkerDiedException(
              error.getTaskName().isEmpty() ? objectId : error.getTaskName(), error.getMessage());
      default ->
          new TaskFailedException(
              error.getTaskName().isEmpty() ? objectId : error.getTaskName(),
              error.getExceptionClass(),
              error.getMessage(),
              error.getStackTrace(),
              error.getKind() == ErrorInfo.Kind.APPLICATION);
    };
  }
}
