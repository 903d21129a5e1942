/**
 * Usage metering. {@link dev.flotilla.apiserver.usage.UsageCollector} pulls the scheduler's
 * running totals per job on a timer; {@link dev.flotilla.apiserver.usage.UsageLedger} folds what
 * grew since the last pull into one row per workspace, job and month (UTC), idempotently;
 * {@link dev.flotilla.apiserver.usage.UsageService} reads them for the usage endpoints and
 * {@link dev.flotilla.apiserver.usage.UsageCsv} writes the CSV export. The edge subtracts a
 * month's recorded GPU-seconds from the workspace's budget. Database work is non-blocking; the
 * collector's pull blocks on a virtual thread.
 */
package dev.flotilla.apiserver.usage;
