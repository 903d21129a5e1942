/**
 * Typed configuration of the api-server ({@link dev.flotilla.apiserver.config.FlotillaConfig},
 * prefix {@code flotilla}). Immutable and thread-safe.
 */
package dev.flotilla.apiserver.config;
