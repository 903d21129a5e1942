package dev.flotilla.scheduler.service;

import java.util.HashMap;
import java.util.Map;

/** A client session and the references it holds (id → count). Guarded by the coordinator's lock. */
final class SessionEntry {
  final String id;
  final String jobId;
  /** The job's driver: closing it ends the job. */
  final boolean driver;
  final String clientName;
  /** Whose session this is; everything it names or references must be of the same tenancy. */
  final Tenancy tenancy;
  final Map<String, Integer> refs = new HashMap<>();
  /** Its client holds a lifeline stream open (a restored session waits for one). */
  boolean lifelineAttached;
  /** Read back from the state store after a scheduler restart. */
  boolean restored;

  SessionEntry(String id, String jobId, boolean driver, String clientName, Tenancy tenancy) {
    this.id = id;
    this.jobId = jobId;
    this.driver = driver;
    this.clientName = clientName;
    this.tenancy = tenancy;
  }
}
