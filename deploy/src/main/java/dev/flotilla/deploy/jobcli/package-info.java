/**
 * {@code ./flotilla job submit|list|logs|stop}: a small client of the api-server's jobs REST API
 * ({@link dev.flotilla.deploy.jobcli.JobCli} parses the command line, {@link
 * dev.flotilla.deploy.jobcli.JobsClient} speaks HTTP with {@code java.net.http}). It reads
 * {@code FLOTILLA_API} (else the {@code api.url} that {@code ./flotilla up} wrote to {@code
 * <FLOTILLA_HOME>/platform.state}, else {@code http://127.0.0.1:8080}), {@code FLOTILLA_TOKEN}
 * (an API token), and {@code --tenant/--workspace} or {@code FLOTILLA_TENANT/FLOTILLA_WORKSPACE}
 * (defaults {@code demo}/{@code default}). Blocking, single-threaded.
 */
package dev.flotilla.deploy.jobcli;
