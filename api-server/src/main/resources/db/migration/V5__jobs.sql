-- Jobs submitted over REST: their spec, status and timestamps; the code package (committed in the
-- same transaction as the row, before the submission is acknowledged); the job's log lines.
ALTER TABLE job
  ADD COLUMN name            varchar(200),
  ADD COLUMN args            text         NOT NULL DEFAULT '[]',
  ADD COLUMN cpus            integer      NOT NULL DEFAULT 1 CHECK (cpus >= 0),
  ADD COLUMN gpus            integer      NOT NULL DEFAULT 0 CHECK (gpus >= 0),
  ADD COLUMN request_digest  varchar(64)  NOT NULL DEFAULT '',
  ADD COLUMN package_digest  varchar(64)  NOT NULL DEFAULT '',
  ADD COLUMN started_at      timestamptz,
  ADD COLUMN ended_at        timestamptz,
  ADD COLUMN failure         text;
CREATE INDEX job_workspace_created ON job (workspace_id, created_at DESC);

CREATE TABLE job_package (
  job_id  uuid PRIMARY KEY REFERENCES job (id) ON DELETE CASCADE,
  digest  varchar(64) NOT NULL,
  bytes   bytea       NOT NULL
);

CREATE TABLE job_log_line (
  id      bigserial PRIMARY KEY,
  job_id  uuid         NOT NULL REFERENCES job (id) ON DELETE CASCADE,
  stream  varchar(8)   NOT NULL,
  line    text         NOT NULL,
  at      timestamptz  NOT NULL
);
CREATE INDEX job_log_line_job ON job_log_line (job_id, id);
