/**
 * Observability of the api-server: Prometheus metrics at {@code /q/metrics} (platform admins, or
 * the scrape token of {@link dev.flotilla.apiserver.observability.MetricsTokenMechanism}) with
 * Flotilla's own gauges ({@code AppMetrics}: edge sessions open, usage collector lag). The
 * OpenAPI document ({@code /q/openapi}) and Swagger UI ({@code /q/swagger-ui}) need any
 * authenticated caller; both rules are HTTP permissions in {@code application.properties}.
 */
package dev.flotilla.apiserver.observability;
