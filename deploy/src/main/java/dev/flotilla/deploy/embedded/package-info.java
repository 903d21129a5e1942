/**
 * Servers the platform embeds on a single machine: PostgreSQL ({@link
 * dev.flotilla.deploy.embedded.EmbeddedPostgres}, binaries from the
 * {@code io.zonky.test.postgres} jar on the class path) and Keycloak. Both are real servers,
 * started as child OS processes on loopback, cached under {@code ~/.flotilla} (or {@code
 * /var/lib/flotilla} for root, because PostgreSQL refuses to run as root and an unprivileged
 * user cannot reach {@code /root}).
 *
 * <p>Everything here blocks the calling thread while a server starts or stops; nothing is
 * thread-safe unless it says so.
 */
package dev.flotilla.deploy.embedded;
