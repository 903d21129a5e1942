-- Whose work a session (and so its job) and an actor are: the tenant and workspace the
-- authenticated edge stamped; empty for a local cluster without an edge.
ALTER TABLE sessions ADD COLUMN tenant TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN workspace TEXT NOT NULL DEFAULT '';
ALTER TABLE jobs ADD COLUMN tenant TEXT NOT NULL DEFAULT '';
ALTER TABLE jobs ADD COLUMN workspace TEXT NOT NULL DEFAULT '';
ALTER TABLE actors ADD COLUMN tenant TEXT NOT NULL DEFAULT '';
ALTER TABLE actors ADD COLUMN workspace TEXT NOT NULL DEFAULT '';
