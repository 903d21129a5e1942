-- The scheduler's durable cluster state (see ClusterStateStore). Tasks, objects and references
-- are not stored: their owners re-send them after a scheduler restart.

CREATE TABLE jobs (
  job_id      TEXT PRIMARY KEY,
  client_name TEXT NOT NULL,
  started_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  ended_at    TIMESTAMPTZ
);

CREATE TABLE sessions (
  session_id  TEXT PRIMARY KEY,
  job_id      TEXT NOT NULL,
  driver      BOOLEAN NOT NULL,
  client_name TEXT NOT NULL,
  opened_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX sessions_job ON sessions (job_id);

CREATE TABLE actors (
  actor_id     TEXT PRIMARY KEY,
  job_id       TEXT NOT NULL,
  detached     BOOLEAN NOT NULL,
  spec         BYTEA NOT NULL,
  state        TEXT NOT NULL CHECK (state IN ('CREATING', 'ALIVE', 'DEAD')),
  node_id      TEXT NOT NULL DEFAULT '',
  incarnation  INTEGER NOT NULL,
  restarts_left INTEGER NOT NULL,
  death_reason TEXT NOT NULL DEFAULT '',
  updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX actors_job ON actors (job_id);

CREATE TABLE placement_groups (
  group_id   TEXT PRIMARY KEY,
  job_id     TEXT NOT NULL,
  spec       BYTEA NOT NULL,
  -- "node|0,1;node2|" per bundle once placed; empty while not placed.
  bundles    TEXT NOT NULL DEFAULT '',
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX placement_groups_job ON placement_groups (job_id);
