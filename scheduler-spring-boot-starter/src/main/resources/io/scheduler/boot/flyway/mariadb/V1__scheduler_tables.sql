-- JdbcJobStore schema for MySQL 8.0 or later and MariaDB 10.6 or later (InnoDB, utf8mb4; ids
-- compare case-sensitively).
-- Every name starts with the table prefix scheduler_; to use another prefix, replace each
-- scheduler_ below (JdbcJobStore's initializeSchema does so with its tablePrefix).
-- Times are microseconds since 1970-01-01T00:00:00Z (UTC), read from the schedulers' clocks.

-- One row per job. job_data is the job as JSON (io.scheduler.store.JobJson); next_run_time is
-- null while the job is paused. version grows with every change of the job, acquired_by and
-- acquired_until hold the lease of the scheduler that is processing the job, acquire_token
-- identifies the last acquisition (the fencing token its release must present).
-- The due-job query walks the next_run_time index from the earliest time.
CREATE TABLE IF NOT EXISTS scheduler_jobs (
  id             VARCHAR(191) NOT NULL,
  next_run_time  BIGINT       NULL,
  job_data       MEDIUMTEXT   NOT NULL,
  version        BIGINT       NOT NULL,
  acquired_by    VARCHAR(128) NULL,
  acquired_until BIGINT       NULL,
  acquire_token  BIGINT       NULL,
  PRIMARY KEY (id),
  INDEX scheduler_jobs_next_run_time_idx (next_run_time)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per claimed run that has not completed: it holds one of the job's instances across
-- every scheduler until deleted. owned_by and lease_until are the lease of the scheduler that
-- runs it, fencing_token changes at every takeover, run_times is a JSON array of ISO-8601
-- instants and job_data the job as it was when the run was claimed.
CREATE TABLE IF NOT EXISTS scheduler_runs (
  run_id        VARCHAR(64)  NOT NULL,
  job_id        VARCHAR(191) NOT NULL,
  owned_by      VARCHAR(128) NOT NULL,
  fencing_token BIGINT       NOT NULL,
  lease_until   BIGINT       NOT NULL,
  run_times     TEXT         NOT NULL,
  job_data      MEDIUMTEXT   NOT NULL,
  PRIMARY KEY (run_id),
  INDEX scheduler_runs_job_id_idx (job_id),
  INDEX scheduler_runs_lease_until_idx (lease_until)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
