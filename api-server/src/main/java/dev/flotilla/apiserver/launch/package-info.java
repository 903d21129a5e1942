/**
 * Starting platform code in a tenant's executors: the api-server opens a scheduler session for a
 * workspace (stamped with its tenant, workspace and quotas, like the SDK edge does), uploads the
 * code package, and submits one entrypoint task — a static method of the SDK runtime (the REST
 * job driver, the notebook kernel host) that dials back to a {@link
 * dev.flotilla.apiserver.launch.CallbackService} on the edge port with a per-launch secret. The
 * api-server only ever reads the protobuf status of that task, never the tenant's bytes.
 */
package dev.flotilla.apiserver.launch;
