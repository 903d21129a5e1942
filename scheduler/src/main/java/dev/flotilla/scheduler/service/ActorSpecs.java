package dev.flotilla.scheduler.service;

import dev.flotilla.protocol.scheduler.v1.ActorSpec;
import dev.flotilla.protocol.scheduler.v1.TaskSpec;

/** Validation of actor specs: what makes one impossible, said plainly. */
final class ActorSpecs {
  private ActorSpecs() {}

  /** Null when valid, else the reason. */
  static String validate(ActorSpec s) {
    if (s.getActorId().isBlank()) {
      return "actor_id is empty";
    }
    if (s.getNamespace().isBlank()) {
      return "namespace is empty";
    }
    if (s.getMaxConcurrency() < 1) {
      return "max_concurrency must be >= 1, got " + s.getMaxConcurrency();
    }
    if (s.getMaxRestarts() < -1 || s.getMaxTaskRetries() < -1) {
      return "max_restarts and max_task_retries must be >= -1";
    }
    // The constructor is checked like a task: function, arguments, resources, code package.
    return TaskSpecs.validate(TaskSpec.newBuilder()
        .setTaskId(s.getActorId())
        .setFunction(s.getConstructor())
        .addAllArgs(s.getArgsList())
        .setResources(s.getResources())
        .addAllCodePackage(s.getCodePackageList())
        .build());
  }
}
