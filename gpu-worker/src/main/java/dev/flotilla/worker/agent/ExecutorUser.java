package dev.flotilla.worker.agent;

import java.nio.file.Path;

/**
 * The OS user one tenant's executors run as on this node, with the directories it owns or reads.
 *
 * @param tenant the tenant it runs for
 * @param name the system user's name, {@code flt-} and a hash of the tenant
 * @param uid its user id (never 0)
 * @param gid its own group's id
 * @param home its home and working directory (owned by it, 0700)
 * @param tmp its {@code java.io.tmpdir} and {@code TMPDIR} (owned by it, 0700)
 * @param code its code cache (owned by root, readable by its group only)
 * @param staging where it writes new objects in shared memory (owned by it, 0700)
 */
record ExecutorUser(String tenant, String name, int uid, int gid, Path home, Path tmp, Path code, Path staging) {}
