-- Tenancy, membership and access: what the authenticated edge needs first.
CREATE TABLE tenant (
  id            uuid PRIMARY KEY,
  slug          varchar(63)  NOT NULL UNIQUE,
  display_name  varchar(200) NOT NULL,
  mode          varchar(16)  NOT NULL CHECK (mode IN ('SHARED', 'DEDICATED')),
  realm         varchar(100) NOT NULL,
  organization_id varchar(64),
  created_at    timestamptz  NOT NULL
);

CREATE TABLE workspace (
  id            uuid PRIMARY KEY,
  tenant_id     uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
  name          varchar(63)  NOT NULL,
  display_name  varchar(200) NOT NULL,
  created_at    timestamptz  NOT NULL,
  UNIQUE (tenant_id, name)
);

-- workspace_id NULL: a tenant-wide role (TENANT_ADMIN).
CREATE TABLE membership (
  id            uuid PRIMARY KEY,
  tenant_id     uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
  workspace_id  uuid REFERENCES workspace (id) ON DELETE CASCADE,
  user_id       varchar(64)  NOT NULL,
  email         varchar(320) NOT NULL,
  role          varchar(16)  NOT NULL CHECK (role IN ('TENANT_ADMIN', 'ADMIN', 'MEMBER', 'VIEWER')),
  created_at    timestamptz  NOT NULL
);
CREATE UNIQUE INDEX membership_workspace_user ON membership (workspace_id, user_id) WHERE workspace_id IS NOT NULL;
CREATE UNIQUE INDEX membership_tenant_user ON membership (tenant_id, user_id) WHERE workspace_id IS NULL;

CREATE TABLE invitation (
  id            uuid PRIMARY KEY,
  tenant_id     uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
  workspace_id  uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  email         varchar(320) NOT NULL,
  role          varchar(16)  NOT NULL,
  user_id       varchar(64)  NOT NULL,
  invited_by    varchar(64)  NOT NULL,
  created_at    timestamptz  NOT NULL
);

-- Only the SHA-256 of a token is stored; prefix is its first characters, for listings.
CREATE TABLE api_token (
  id            uuid PRIMARY KEY,
  tenant_id     uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
  workspace_id  uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  user_id       varchar(64)  NOT NULL,
  name          varchar(100) NOT NULL,
  token_hash    bytea        NOT NULL UNIQUE,
  prefix        varchar(16)  NOT NULL,
  created_at    timestamptz  NOT NULL,
  expires_at    timestamptz  NOT NULL,
  revoked_at    timestamptz
);

-- tenant_id has no foreign key: the trail outlives what it describes.
CREATE TABLE audit_event (
  id             bigserial PRIMARY KEY,
  tenant_id      uuid,
  actor          varchar(200) NOT NULL,
  action         varchar(64)  NOT NULL,
  target         varchar(300) NOT NULL,
  detail         text,
  remote_address varchar(64),
  at             timestamptz  NOT NULL
);
CREATE INDEX audit_event_tenant_at ON audit_event (tenant_id, at DESC);
