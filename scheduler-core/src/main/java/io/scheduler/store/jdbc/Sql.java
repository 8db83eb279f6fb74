package io.scheduler.store.jdbc;

/** The statements of a {@link JdbcJobStore}, for its table prefix and database. */
final class Sql {

  final String jobs;
  final String runs;
  final String insertJob;
  final String updateJob;
  final String deleteJob;
  final String deleteAllJobs;
  final String selectJob;
  final String lockJob;
  final String selectAllJobs;
  final String releaseJob;
  final String releaseJobWithData;
  final String selectRunJob;
  final String lockJobData;
  final String checkJobs;
  final String checkRuns;
  private final String lock;

  Sql(String prefix, String lockSkippingLocked) {
    jobs = prefix + "jobs";
    runs = prefix + "runs";
    lock = lockSkippingLocked;
    insertJob =
        "INSERT INTO " + jobs + " (id, next_run_time, job_data, version) VALUES (?, ?, ?, 1)";
    updateJob =
        "UPDATE "
            + jobs
            + " SET next_run_time = ?, job_data = ?, version = version + 1, acquired_by = NULL,"
            + " acquired_until = NULL WHERE id = ?";
    deleteJob = "DELETE FROM " + jobs + " WHERE id = ?";
    deleteAllJobs = "DELETE FROM " + jobs;
    selectJob = "SELECT next_run_time, job_data, version FROM " + jobs + " WHERE id = ?";
    lockJob = selectJob + " FOR UPDATE";
    selectAllJobs = "SELECT id, next_run_time, job_data, version FROM " + jobs;
    releaseJob =
        "UPDATE "
            + jobs
            + " SET next_run_time = ?, version = version + 1, acquired_by = NULL,"
            + " acquired_until = NULL WHERE id = ?";
    releaseJobWithData =
        "UPDATE "
            + jobs
            + " SET next_run_time = ?, job_data = ?, version = version + 1, acquired_by = NULL,"
            + " acquired_until = NULL WHERE id = ?";
    selectRunJob = "SELECT job_data FROM " + runs + " WHERE run_id = ?";
    lockJobData = "SELECT job_data FROM " + jobs + " WHERE id = ? FOR UPDATE";
    checkJobs =
        "SELECT id, next_run_time, job_data, version, acquired_by, acquired_until, acquire_token"
            + " FROM "
            + jobs
            + " WHERE 1 = 0";
    checkRuns =
        "SELECT run_id, job_id, owned_by, fencing_token, lease_until, run_times, job_data FROM "
            + runs
            + " WHERE 1 = 0";
  }

  /**
   * The due-job query: due at {@code ?} (1), not held by a lease still valid at {@code ?} (2),
   * earliest first, locked, skipping rows other transactions lock. It walks the {@code
   * next_run_time} index and stops after {@code limit} rows.
   */
  String selectDue(int limit) {
    return "SELECT id, next_run_time, job_data, version FROM "
        + jobs
        + " WHERE next_run_time <= ? AND (acquired_until IS NULL OR acquired_until < ?)"
        + " ORDER BY next_run_time LIMIT "
        + limit
        + lock;
  }

  /** Marks jobs acquired: by {@code ?} (1) until {@code ?} (2) with token {@code ?} (3). */
  String acquire(int ids) {
    return "UPDATE "
        + jobs
        + " SET acquired_by = ?, acquired_until = ?, acquire_token = ? WHERE id IN ("
        + marks(ids)
        + ")";
  }

  /** The earliest next run times of jobs not held by a lease still valid at {@code ?} (1). */
  String nextRunTimes(int limit) {
    return "SELECT id, version, next_run_time FROM "
        + jobs
        + " WHERE next_run_time IS NOT NULL AND (acquired_until IS NULL OR acquired_until < ?)"
        + " ORDER BY next_run_time LIMIT "
        + limit;
  }

  /** Locks jobs by id, in id order (so concurrent releases cannot deadlock). */
  String lockJobs(int ids) {
    return "SELECT id, acquired_by, acquire_token FROM "
        + jobs
        + " WHERE id IN ("
        + marks(ids)
        + ") ORDER BY id FOR UPDATE";
  }

  /** Finds which of some ids exist. */
  String existingJobs(int ids) {
    return "SELECT id FROM " + jobs + " WHERE id IN (" + marks(ids) + ")";
  }

  /** Counts the runs in progress of some jobs. */
  String countRuns(int ids) {
    return "SELECT job_id, COUNT(*) FROM "
        + runs
        + " WHERE job_id IN ("
        + marks(ids)
        + ") GROUP BY job_id";
  }

  /** Locks runs by id, in id order. */
  String lockRuns(int ids) {
    return "SELECT run_id, owned_by, fencing_token FROM "
        + runs
        + " WHERE run_id IN ("
        + marks(ids)
        + ") ORDER BY run_id FOR UPDATE";
  }

  /** Inserts {@code rows} jobs in one statement, each with id, next run time and job data. */
  String insertJobs(int rows) {
    StringBuilder sql =
        new StringBuilder(insertJob.length() + 16 * rows)
            .append(insertJob.substring(0, insertJob.indexOf("VALUES") + 6))
            .append(" (?, ?, ?, 1)");
    for (int i = 1; i < rows; i++) {
      sql.append(", (?, ?, ?, 1)");
    }
    return sql.toString();
  }

  /** Deletes jobs by id. */
  String deleteJobs(int ids) {
    return "DELETE FROM " + jobs + " WHERE id IN (" + marks(ids) + ")";
  }

  /**
   * Inserts {@code rows} runs in one statement, each with run id, job id, owner, fencing token,
   * lease end, run times and job data.
   */
  String insertRuns(int rows) {
    StringBuilder sql =
        new StringBuilder(
                "INSERT INTO "
                    + runs
                    + " (run_id, job_id, owned_by, fencing_token, lease_until, run_times, job_data)"
                    + " VALUES ")
            .append("(?, ?, ?, ?, ?, ?, ?)");
    for (int i = 1; i < rows; i++) {
      sql.append(", (?, ?, ?, ?, ?, ?, ?)");
    }
    return sql.toString();
  }

  /** Deletes runs by id. */
  String deleteRuns(int ids) {
    return "DELETE FROM " + runs + " WHERE run_id IN (" + marks(ids) + ")";
  }

  /** Extends the lease of runs until {@code ?} (1). */
  String renewRuns(int ids) {
    return "UPDATE " + runs + " SET lease_until = ? WHERE run_id IN (" + marks(ids) + ")";
  }

  /** Runs whose lease expired before {@code ?} (1), oldest first, locked, skipping locked ones. */
  String selectExpiredRuns(int limit) {
    return "SELECT run_id, job_id, fencing_token, run_times FROM "
        + runs
        + " WHERE lease_until < ? ORDER BY lease_until LIMIT "
        + limit
        + lock;
  }

  /** Takes runs over: owner {@code ?} (1) until {@code ?} (2), with the next fencing token. */
  String takeOverRuns(int ids) {
    return "UPDATE "
        + runs
        + " SET owned_by = ?, lease_until = ?, fencing_token = fencing_token + 1 WHERE run_id IN ("
        + marks(ids)
        + ")";
  }

  private static String marks(int count) {
    StringBuilder sql = new StringBuilder(count * 3);
    for (int i = 0; i < count; i++) {
      sql.append(i == 0 ? "?" : ", ?");
    }
    return sql.toString();
  }
}
