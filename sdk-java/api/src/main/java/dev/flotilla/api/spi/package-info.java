/**
 * The service-provider interface between the public API and its runtime.
 *
 * <p>{@link dev.flotilla.api.spi.FlotillaProvider} is found once through {@link
 * java.util.ServiceLoader}; the runtime ({@code flotilla-sdk}) registers it. Application code has
 * no reason to use this package.
 */
package dev.flotilla.api.spi;
