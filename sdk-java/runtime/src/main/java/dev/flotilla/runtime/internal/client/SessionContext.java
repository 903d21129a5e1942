package dev.flotilla.runtime.internal.client;

import java.util.function.Supplier;

/**
 * What differs between a driver's connection and an executor's: where code packages come from,
 * which task (if any) is calling, and how stored objects are read.
 *
 * @param jobId the job to join; null starts a new job (a driver)
 * @param codePackage the code package hashes nested tasks carry (an executor: the running
 *     task's; a driver: packed and uploaded on first use)
 * @param currentTask the id of the task running on this thread, or null
 * @param localObjects reads stored objects on this node without copying, or null off-node
 */
public record SessionContext(
    String jobId,
    String clientName,
    ClassLoader loader,
    boolean strictTypes,
    CodePackageSource codePackage,
    Supplier<String> currentTask,
    LocalObjects localObjects) {}
