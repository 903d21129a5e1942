-- Usage metering: one row per workspace, scheduler job and month (the collector adds to it), and
-- per (workspace, job) the scheduler's running totals last folded in, so that pulling the same
-- totals again adds nothing.
ALTER TABLE usage_record ADD COLUMN month date;
ALTER TABLE usage_record ADD COLUMN job_key varchar(200);
UPDATE usage_record SET month = date_trunc('month', started_at AT TIME ZONE 'UTC')::date,
    job_key = COALESCE(job_id::text, id::text);
ALTER TABLE usage_record ALTER COLUMN month SET NOT NULL;
ALTER TABLE usage_record ALTER COLUMN job_key SET NOT NULL;
CREATE UNIQUE INDEX usage_record_job_month ON usage_record (workspace_id, job_key, month);

CREATE TABLE usage_cursor (
  id            uuid PRIMARY KEY,
  tenant_id     uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
  workspace_id  uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  job_key       varchar(200) NOT NULL,
  cpu_seconds   double precision NOT NULL,
  gpu_seconds   double precision NOT NULL,
  UNIQUE (workspace_id, job_key)
);
