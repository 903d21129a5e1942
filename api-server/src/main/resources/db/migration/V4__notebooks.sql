-- Notebooks of a workspace and every saved version of their content (cells as JSON text).
CREATE TABLE notebook (
  id            uuid PRIMARY KEY,
  tenant_id     uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
  workspace_id  uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  name          varchar(200) NOT NULL,
  version       integer      NOT NULL CHECK (version >= 1),
  cells         text         NOT NULL,
  created_by    varchar(64)  NOT NULL,
  created_at    timestamptz  NOT NULL,
  updated_at    timestamptz  NOT NULL
);
CREATE INDEX notebook_workspace ON notebook (workspace_id, name);

CREATE TABLE notebook_version (
  id            uuid PRIMARY KEY,
  tenant_id     uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
  workspace_id  uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  notebook_id   uuid NOT NULL REFERENCES notebook (id) ON DELETE CASCADE,
  version       integer      NOT NULL,
  cells         text         NOT NULL,
  saved_by      varchar(64)  NOT NULL,
  saved_at      timestamptz  NOT NULL,
  UNIQUE (notebook_id, version)
);
