package io.scheduler.store.jdbc;

import io.scheduler.exception.ConflictingJobIdException;
import io.scheduler.exception.JobNotFoundException;
import io.scheduler.job.Job;
import io.scheduler.store.JobJson;
import io.scheduler.store.JobStoreContext;
import io.scheduler.store.StoredTimes;
import io.scheduler.store.UnloadableJob;
import io.scheduler.store.jdbc.JobLoader.LoadFailures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The jobs table of a started {@link JdbcJobStore} as users change it: adding (one statement per
 * {@value #IN_LIST} jobs, or per {@value #ARRAY_ROWS} where the database takes arrays), updating,
 * removing, looking up and listing jobs, and the next run time. Every change is announced to the
 * other schedulers where the {@link Dialect} can.
 */
final class JobRows {

  /** The most rows one statement inserts, or ids one {@code IN} list holds. */
  static final int IN_LIST = 500;

  /**
   * The most rows one insert takes as three arrays (on PostgreSQL): three parameters whatever the
   * rows, which the server parses and binds faster than {@value #IN_LIST} rows of values.
   */
  static final int ARRAY_ROWS = 1_000;

  private final JobStoreContext context;
  private final Sql sql;
  private final Transactions transactions;
  private final JobLoader loader;
  private final String channel;
  private final boolean announcesInInsert;
  private final String insertOne;
  private final String insertFull;
  private final String insertFullAnnouncing;
  // The insert of rows given as arrays, and the same announcing them; null where not supported.
  private final @Nullable String insertArrays;
  private final @Nullable String insertArraysAnnouncing;
  private final int rowsPerInsert;

  JobRows(
      JobStoreContext context,
      Sql sql,
      Transactions transactions,
      JobLoader loader,
      String channel) {
    this.context = context;
    this.sql = sql;
    this.transactions = transactions;
    this.loader = loader;
    this.channel = channel;
    this.announcesInInsert = transactions.dialect().insertAnnouncing(sql.insertJob) != null;
    this.insertOne = announcing(sql.insertJob);
    this.insertFull = sql.insertJobs(IN_LIST);
    this.insertFullAnnouncing = announcing(insertFull);
    this.insertArrays = transactions.dialect().insertFromArrays(sql.jobs);
    this.insertArraysAnnouncing = insertArrays == null ? null : announcing(insertArrays);
    this.rowsPerInsert = rowsPerInsert(transactions.dialect());
  }

  /** The most rows one insert statement of {@code addJobs} takes on a database. */
  static int rowsPerInsert(Dialect dialect) {
    return dialect.insertFromArrays("jobs") != null ? ARRAY_ROWS : IN_LIST;
  }

  /**
   * Adds a job with one statement in auto-commit mode: one round trip and one commit, the insert
   * and (on PostgreSQL) its announcement together; the unique key refuses a taken id.
   */
  void addJob(Job job) {
    String json = JobJson.toJson(job);
    transactions.inConnection(
        "add job '" + job.id() + "'",
        c -> {
          try (PreparedStatement insert = c.prepareStatement(insertOne)) {
            bindJob(insert, 0, job, json);
            bindAnnouncement(insert, 3);
            insert.execute();
          } catch (SQLException e) {
            if (transactions.dialect().isDuplicateKey(e)) {
              throw new ConflictingJobIdException(job.id(), context.alias());
            }
            throw e;
          }
          return null;
        });
  }

  /**
   * Adds jobs all or none, {@link #rowsPerInsert} rows per statement: that many jobs in one
   * statement in auto-commit mode, more in one transaction whose last statement announces them.
   */
  void addJobs(List<Job> jobs) {
    if (jobs.isEmpty()) {
      return;
    }
    String[] json = new String[jobs.size()];
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < json.length; i++) {
      Job job = jobs.get(i);
      json[i] = JobJson.toJson(job);
      if (!ids.add(job.id())) {
        throw new ConflictingJobIdException(job.id(), context.alias());
      }
    }
    String operation = "add " + jobs.size() + " jobs";
    if (jobs.size() <= rowsPerInsert) {
      transactions.inConnection(
          operation,
          c -> {
            try {
              insertJobs(c, jobs, json, 0, jobs.size());
            } catch (SQLException e) {
              if (transactions.dialect().isDuplicateKey(e)) {
                throw conflict(c, jobs);
              }
              throw e;
            }
            return null;
          });
      return;
    }
    transactions.inTransaction(
        operation,
        c -> {
          try {
            for (int from = 0; from < jobs.size(); from += rowsPerInsert) {
              insertJobs(c, jobs, json, from, Math.min(jobs.size(), from + rowsPerInsert));
            }
          } catch (SQLException e) {
            if (transactions.dialect().isDuplicateKey(e)) {
              c.rollback();
              throw conflict(c, jobs);
            }
            throw e;
          }
          return null;
        });
  }

  /** Inserts jobs {@code from} to {@code to} in one statement, announcing them if they are last. */
  private void insertJobs(Connection c, List<Job> jobs, String[] json, int from, int to)
      throws SQLException {
    int rows = to - from;
    boolean last = to == jobs.size();
    if (insertArrays != null && rows > 1) {
      insertArrays(c, jobs, json, from, to, last);
      return;
    }
    String statement;
    if (rows == IN_LIST) {
      statement = last ? insertFullAnnouncing : insertFull;
    } else if (rows == 1 && last) {
      statement = insertOne;
    } else {
      statement = last ? announcing(sql.insertJobs(rows)) : sql.insertJobs(rows);
    }
    try (PreparedStatement insert = c.prepareStatement(statement)) {
      for (int i = from; i < to; i++) {
        bindJob(insert, 3 * (i - from), jobs.get(i), json[i]);
      }
      if (last) {
        bindAnnouncement(insert, 3 * rows);
      }
      insert.execute();
    }
  }

  /** Inserts jobs {@code from} to {@code to} as three arrays: ids, next run times and JSON. */
  private void insertArrays(
      Connection c, List<Job> jobs, String[] json, int from, int to, boolean last)
      throws SQLException {
    String[] ids = new String[to - from];
    @Nullable Long[] nextRunTimes = new Long[to - from];
    for (int i = from; i < to; i++) {
      Job job = jobs.get(i);
      ids[i - from] = job.id();
      @Nullable Instant next = job.nextRunTimeOrNull();
      nextRunTimes[i - from] = next == null ? null : StoredTimes.ceilMicros(next);
    }
    try (PreparedStatement insert =
        c.prepareStatement(last ? insertArraysAnnouncing : insertArrays)) {
      insert.setArray(1, c.createArrayOf("varchar", ids));
      insert.setArray(2, c.createArrayOf("bigint", nextRunTimes));
      insert.setArray(3, c.createArrayOf("text", Arrays.copyOfRange(json, from, to)));
      if (last) {
        bindAnnouncement(insert, 3);
      }
      insert.execute();
    }
  }

  /** The failure of adding {@code jobs} when one of their ids is taken: names the first taken. */
  private ConflictingJobIdException conflict(Connection c, List<Job> jobs) throws SQLException {
    String existing = null;
    for (int from = 0; existing == null && from < jobs.size(); from += IN_LIST) {
      existing = firstExisting(c, jobs.subList(from, Math.min(jobs.size(), from + IN_LIST)));
    }
    return new ConflictingJobIdException(
        existing != null ? existing : jobs.get(0).id(), context.alias());
  }

  private @Nullable String firstExisting(Connection c, List<Job> jobs) throws SQLException {
    Set<String> found = new HashSet<>();
    try (PreparedStatement select = c.prepareStatement(sql.existingJobs(jobs.size()))) {
      for (int i = 0; i < jobs.size(); i++) {
        select.setString(i + 1, jobs.get(i).id());
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found.add(rows.getString(1));
        }
      }
    }
    for (Job job : jobs) {
      if (found.contains(job.id())) {
        return job.id();
      }
    }
    return null;
  }

  void updateJob(Job job) {
    String json = JobJson.toJson(job);
    transactions.inTransaction(
        "update job '" + job.id() + "'",
        c -> {
          int updated;
          try (PreparedStatement update = c.prepareStatement(sql.updateJob)) {
            setMicros(update, 1, job.nextRunTime().orElse(null));
            update.setString(2, json);
            update.setString(3, job.id());
            updated = update.executeUpdate();
          }
          if (updated == 0) {
            throw new JobNotFoundException(job.id(), context.alias());
          }
          announce(c);
          return null;
        });
  }

  /** Replaces a job while its row still holds {@code expected}, checked under the row's lock. */
  boolean replaceJob(Job expected, Job updated) {
    String json = JobJson.toJson(updated);
    LoadFailures failures = new LoadFailures();
    boolean replaced =
        transactions.inTransaction(
            "replace job '" + expected.id() + "'",
            c -> {
              failures.clear();
              try (PreparedStatement select = c.prepareStatement(sql.lockJob)) {
                select.setString(1, expected.id());
                try (ResultSet row = select.executeQuery()) {
                  if (!row.next()) {
                    return false;
                  }
                  Job current =
                      loader.load(
                          expected.id(),
                          micros(row, 1),
                          row.getString(2),
                          row.getLong(3),
                          failures);
                  if (current == null || !JobJson.sameState(current, expected)) {
                    return false;
                  }
                }
              }
              try (PreparedStatement update = c.prepareStatement(sql.updateJob)) {
                setMicros(update, 1, updated.nextRunTime().orElse(null));
                update.setString(2, json);
                update.setString(3, updated.id());
                update.executeUpdate();
              }
              announce(c);
              return true;
            });
    loader.report(failures);
    return replaced;
  }

  void removeJob(String id) {
    int removed =
        transactions.inConnection(
            "remove job '" + id + "'",
            c -> {
              try (PreparedStatement delete = c.prepareStatement(sql.deleteJob)) {
                delete.setString(1, id);
                return delete.executeUpdate();
              }
            });
    if (removed == 0) {
      throw new JobNotFoundException(id, context.alias());
    }
    loader.forget(id);
  }

  void removeAllJobs() {
    transactions.inConnection(
        "remove all jobs",
        c -> {
          try (Statement delete = c.createStatement()) {
            return delete.executeUpdate(sql.deleteAllJobs);
          }
        });
    loader.forgetAll();
  }

  Optional<Job> lookupJob(String id) {
    LoadFailures failures = new LoadFailures();
    Job job =
        transactions.inConnection(
            "look up job '" + id + "'",
            c -> {
              try (PreparedStatement select = c.prepareStatement(sql.selectJob)) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                  if (!row.next()) {
                    return null;
                  }
                  return loader.load(
                      id, micros(row, 1), row.getString(2), row.getLong(3), failures);
                }
              }
            });
    loader.report(failures);
    return Optional.ofNullable(job);
  }

  List<Job> getAllJobs() {
    LoadFailures failures = new LoadFailures();
    List<Job> jobs =
        transactions.inConnection(
            "list jobs",
            c -> {
              List<Job> all = new ArrayList<>();
              try (Statement select = c.createStatement();
                  ResultSet rows = select.executeQuery(sql.selectAllJobs)) {
                while (rows.next()) {
                  Job job =
                      loader.load(
                          rows.getString(1),
                          micros(rows, 2),
                          rows.getString(3),
                          rows.getLong(4),
                          failures);
                  if (job != null) {
                    all.add(job);
                  }
                }
              }
              return all;
            });
    loader.report(failures);
    jobs.sort(Job.BY_NEXT_RUN_TIME);
    return jobs;
  }

  List<UnloadableJob> getUnloadableJobs() {
    return transactions.inConnection(
        "list jobs that cannot be loaded",
        c -> {
          List<UnloadableJob> all = new ArrayList<>();
          try (Statement select = c.createStatement();
              ResultSet rows = select.executeQuery(sql.selectAllJobs)) {
            while (rows.next()) {
              UnloadableJob job =
                  loader.unloadable(rows.getString(1), micros(rows, 2), rows.getString(3));
              if (job != null) {
                all.add(job);
              }
            }
          }
          return all;
        });
  }

  Optional<Instant> nextRunTime() {
    long clockMicros = StoredTimes.floorMicros(context.clock().instant());
    int limit = loader.skipped() + 1;
    Long next =
        transactions.inConnection(
            "find the next run time",
            c -> {
              try (PreparedStatement select = c.prepareStatement(sql.nextRunTimes(limit))) {
                select.setLong(1, clockMicros);
                try (ResultSet rows = select.executeQuery()) {
                  while (rows.next()) {
                    if (!loader.isUnloadable(rows.getString(1), rows.getLong(2))) {
                      return rows.getLong(3);
                    }
                  }
                }
              }
              return null;
            });
    return next == null ? Optional.empty() : Optional.of(StoredTimes.fromMicros(next));
  }

  /** Tells the other schedulers that jobs changed, where the database can (on commit). */
  private void announce(Connection c) throws SQLException {
    transactions.dialect().announceChange(c, channel, context.schedulerId());
  }

  /** {@code insert}, extended to announce the change where the database can. */
  private String announcing(String insert) {
    String announcing = transactions.dialect().insertAnnouncing(insert);
    return announcing != null ? announcing : insert;
  }

  /** Binds the channel and this scheduler's id after {@code offset}, if the insert announces. */
  private void bindAnnouncement(PreparedStatement insert, int offset) throws SQLException {
    if (announcesInInsert) {
      insert.setString(offset + 1, channel);
      insert.setString(offset + 2, context.schedulerId());
    }
  }

  /** Binds a job's id, next run time and JSON to the three parameters after {@code offset}. */
  private static void bindJob(PreparedStatement insert, int offset, Job job, String json)
      throws SQLException {
    insert.setString(offset + 1, job.id());
    setMicros(insert, offset + 2, job.nextRunTime().orElse(null));
    insert.setString(offset + 3, json);
  }

  /** Binds a run time in microseconds, rounded up, or SQL null. */
  static void setMicros(PreparedStatement statement, int index, @Nullable Instant time)
      throws SQLException {
    if (time == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, StoredTimes.ceilMicros(time));
    }
  }

  /** Reads a time in microseconds, or null. */
  static @Nullable Long micros(ResultSet row, int column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }
}
