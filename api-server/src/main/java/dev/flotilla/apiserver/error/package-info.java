/**
 * Errors at the HTTP edge: every refusal is an RFC 9457 problem document
 * ({@code application/problem+json}) built by {@link dev.flotilla.apiserver.error.Problems};
 * {@link dev.flotilla.apiserver.error.ErrorMappers} is the one place exceptions become answers;
 * code raises {@link dev.flotilla.apiserver.error.ApiException} for refusals the caller can act
 * on. Bad input is never a 500. Stateless and thread-safe.
 */
package dev.flotilla.apiserver.error;
