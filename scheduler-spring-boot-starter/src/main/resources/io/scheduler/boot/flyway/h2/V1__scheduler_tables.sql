-- JdbcJobStore schema for H2 2.x.
-- Every name starts with the table prefix scheduler_; to use another prefix, replace each
-- scheduler_ below (JdbcJobStore's initializeSchema does so with its tablePrefix).
-- Times are microseconds since 1970-01-01T00:00:00Z (UTC), read from the schedulers' clocks.

-- One row per job. job_data is the job as JSON (io.scheduler.store.JobJson); next_run_time is
-- null while the job is paused. version grows with every change of the job, acquired_by and
-- acquired_until hold the lease of the scheduler that is processing the job, acquire_token
-- identifies the last acquisition (the fencing token its release must present).
CREATE TABLE IF NOT EXISTS scheduler_jobs (
  id             VARCHAR(191) NOT NULL PRIMARY KEY,
  next_run_time  BIGINT,
  job_data       CHARACTER LARGE OBJECT NOT NULL,
  version        BIGINT       NOT NULL,
  acquired_by    VARCHAR(128),
  acquired_until BIGINT,
  acquire_token  BIGINT
);

-- The due-job query walks this index from the earliest time.
CREATE INDEX IF NOT EXISTS scheduler_jobs_next_run_time_idx ON scheduler_jobs (next_run_time);

-- One row per claimed run that has not completed: it holds one of the job's instances across
-- every scheduler until deleted. owned_by and lease_until are the lease of the scheduler that
-- runs it, fencing_token changes at every takeover, run_times is a JSON array of ISO-8601
-- instants and job_data the job as it was when the run was claimed.
CREATE TABLE IF NOT EXISTS scheduler_runs (
  run_id        VARCHAR(64)  NOT NULL PRIMARY KEY,
  job_id        VARCHAR(191) NOT NULL,
  owned_by      VARCHAR(128) NOT NULL,
  fencing_token BIGINT       NOT NULL,
  lease_until   BIGINT       NOT NULL,
  run_times     CHARACTER LARGE OBJECT NOT NULL,
  job_data      CHARACTER LARGE OBJECT NOT NULL
);

CREATE INDEX IF NOT EXISTS scheduler_runs_job_id_idx ON scheduler_runs (job_id);

CREATE INDEX IF NOT EXISTS scheduler_runs_lease_until_idx ON scheduler_runs (lease_until);
