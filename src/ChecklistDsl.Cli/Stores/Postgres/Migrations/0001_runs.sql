-- The run store, version 1: one row per run, its journal records in order, and who holds each
-- checklist x target now. Applied by `checklist store migrate` (or on first use) through DbUp,
-- which records it in checklist_schema_versions.

CREATE TABLE runs (
    run_id      text PRIMARY KEY,
    checklist   text NOT NULL,
    target      text NOT NULL,
    title       text,
    fingerprint text NOT NULL,
    operator    text NOT NULL,
    host        text NOT NULL,
    started_at  timestamptz NOT NULL,
    -- Kept up to date by the same transaction as each record, for history and status.
    state       text NOT NULL,
    steps_done  integer NOT NULL DEFAULT 0,
    step_count  integer NOT NULL,
    last_at     timestamptz NOT NULL,
    ended_at    timestamptz
);

-- An unfinished run claims its checklist x target: this finds the claim.
CREATE INDEX runs_unfinished ON runs (checklist, target) WHERE ended_at IS NULL;

CREATE TABLE run_records (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id      text NOT NULL REFERENCES runs (run_id),
    at          timestamptz NOT NULL,
    type        text NOT NULL,
    -- The database login that wrote the record: approvals are vouched for by it.
    recorded_by text NOT NULL DEFAULT session_user,
    record      jsonb NOT NULL
);

CREATE INDEX run_records_run ON run_records (run_id, id);

-- Who holds the advisory lock of a checklist x target (the lock itself lives in the holder's session).
CREATE TABLE run_locks (
    checklist   text NOT NULL,
    target      text NOT NULL,
    run_id      text NOT NULL,
    holder      text NOT NULL,
    host        text NOT NULL,
    pid         integer NOT NULL,
    backend_pid integer NOT NULL,
    since       timestamptz NOT NULL,
    PRIMARY KEY (checklist, target)
);
