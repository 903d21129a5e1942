/**
 * Notebook persistence: notebooks of a workspace, their content (cells of Java code or markdown
 * with their outputs and execution counts) and every saved version of it, on PostgreSQL through
 * Hibernate Reactive Panache.
 *
 * <pre>
 * POST   .../workspaces/{w}/notebooks                              member  create {name}
 * GET    .../workspaces/{w}/notebooks                              viewer  list
 * POST   .../workspaces/{w}/notebooks/import                       member  import {name, ipynb}
 * GET    .../workspaces/{w}/notebooks/{id}                         viewer  get (cells, version)
 * PATCH  .../workspaces/{w}/notebooks/{id}                         member  rename {name}
 * DELETE .../workspaces/{w}/notebooks/{id}                         member  delete (audited)
 * POST   .../workspaces/{w}/notebooks/{id}/duplicate               member  copy {name}
 * PUT    .../workspaces/{w}/notebooks/{id}/content                 member  save {baseVersion, cells}
 * GET    .../workspaces/{w}/notebooks/{id}/versions                viewer  versions, newest first
 * POST   .../workspaces/{w}/notebooks/{id}/versions/{n}/restore    member  restore {baseVersion}
 * GET    .../workspaces/{w}/notebooks/{id}/export                  viewer  nbformat 4 JSON
 * </pre>
 *
 * <p>Main types: {@link dev.flotilla.apiserver.notebook.NotebookResource} (HTTP),
 * {@link dev.flotilla.apiserver.notebook.NotebookService} (rules and transactions),
 * {@code Ipynb} (nbformat conversion). Versions are numbered from 1 (the empty notebook at
 * creation); a save names its base version and gets 409 when another save came first. Bodies are
 * capped by the server at 64 KiB (413), which bounds a notebook's content; at most
 * {@value dev.flotilla.apiserver.notebook.NotebookDtos#MAX_CELLS} cells. Every query is bounded by
 * the request's tenant and workspace. Non-blocking: everything runs on the Vert.x event loop.
 */
package dev.flotilla.apiserver.notebook;
