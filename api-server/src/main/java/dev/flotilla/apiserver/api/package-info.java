/**
 * The REST API ({@code /api/v1}), JSON in and out, errors as problem details. Resources are thin:
 * each method states its access rule ({@code @Allow}), validates its body (Bean Validation on
 * records in the {@code *Dtos} classes) and delegates to {@code dev.flotilla.apiserver.tenancy}, {@code .quota} or {@code .usage}.
 *
 * <pre>
 * POST   /api/v1/tenants                                         platform admin  create (shared | dedicated)
 * GET    /api/v1/tenants[/{t}]                                   platform admin  list, get
 * DELETE /api/v1/tenants/{t}                                     platform admin  delete (organization or realm too)
 * POST   /api/v1/tenants/{t}/workspaces                          tenant admin    create
 * GET    /api/v1/tenants/{t}/workspaces                          tenant admin    list
 * GET    /api/v1/tenants/{t}/workspaces/{w}                      viewer          get
 * PATCH  /api/v1/tenants/{t}/workspaces/{w}                      tenant admin    rename
 * DELETE /api/v1/tenants/{t}/workspaces/{w}                      tenant admin    delete
 * POST   /api/v1/tenants/{t}/workspaces/{w}/members              workspace admin invite by e-mail
 * GET    /api/v1/tenants/{t}/workspaces/{w}/members              workspace admin list
 * PATCH  /api/v1/tenants/{t}/workspaces/{w}/members/{user}       workspace admin change role
 * DELETE /api/v1/tenants/{t}/workspaces/{w}/members/{user}       workspace admin remove
 * POST   /api/v1/tenants/{t}/workspaces/{w}/tokens               member          create (secret shown once)
 * GET    /api/v1/tenants/{t}/workspaces/{w}/tokens               member          list (own; admins all)
 * DELETE /api/v1/tenants/{t}/workspaces/{w}/tokens/{id}          member          revoke (own; admins any)
 * GET    /api/v1/tenants/{t}/audit?limit=                        tenant admin    audit trail, newest first
 * PUT    /api/v1/tenants/{t}/identity-provider                   tenant admin    set the tenant's OIDC SSO
 * GET    /api/v1/tenants/{t}/identity-provider                   tenant admin    read it (no secret)
 * DELETE /api/v1/tenants/{t}/identity-provider                   tenant admin    remove it
 * GET    /api/v1/tenants/{t}/quota                               tenant admin    the tenant's quota
 * PUT    /api/v1/tenants/{t}/quota                               platform admin  set it (platform realm)
 * GET    /api/v1/tenants/{t}/workspaces/{w}/quota                viewer          the workspace's quota
 * PUT    /api/v1/tenants/{t}/workspaces/{w}/quota                tenant admin    set it (within the tenant's)
 * GET    /api/v1/tenants/{t}/workspaces/{w}/usage[.csv]?month=   member          usage per job (JSON or CSV)
 * GET    /api/v1/tenants/{t}/usage[.csv]?month=                  tenant admin    usage per workspace (CSV: per job)
 * </pre>
 *
 * Request bodies are capped at 64 KiB (413); unknown fields are refused (400).
 */
package dev.flotilla.apiserver.api;
