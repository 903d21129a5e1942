-- Quotas, metering and jobs: added as a second version so that a V1 database is upgraded in place.
CREATE TABLE quota (
  id                   uuid PRIMARY KEY,
  tenant_id            uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
  workspace_id         uuid REFERENCES workspace (id) ON DELETE CASCADE,
  max_gpus             integer CHECK (max_gpus >= 0),
  max_cpus             integer CHECK (max_cpus >= 0),
  gpu_hours_per_month  numeric(12, 2) CHECK (gpu_hours_per_month >= 0)
);
CREATE UNIQUE INDEX quota_scope ON quota (tenant_id, COALESCE(workspace_id, '00000000-0000-0000-0000-000000000000'));

CREATE TABLE job (
  id               uuid PRIMARY KEY,
  tenant_id        uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
  workspace_id     uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  idempotency_key  varchar(200) NOT NULL,
  main_class       varchar(500) NOT NULL,
  state            varchar(16)  NOT NULL,
  submitted_by     varchar(64)  NOT NULL,
  created_at       timestamptz  NOT NULL,
  updated_at       timestamptz  NOT NULL,
  UNIQUE (workspace_id, idempotency_key)
);

CREATE TABLE usage_record (
  id            uuid PRIMARY KEY,
  tenant_id     uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
  workspace_id  uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  job_id        uuid REFERENCES job (id) ON DELETE SET NULL,
  cpu_seconds   double precision NOT NULL CHECK (cpu_seconds >= 0),
  gpu_seconds   double precision NOT NULL CHECK (gpu_seconds >= 0),
  started_at    timestamptz NOT NULL,
  ended_at      timestamptz NOT NULL
);
CREATE INDEX usage_record_workspace_month ON usage_record (workspace_id, started_at);
