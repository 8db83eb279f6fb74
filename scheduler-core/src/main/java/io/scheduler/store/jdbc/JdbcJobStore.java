package io.scheduler.store.jdbc;

import static io.scheduler.internal.Require.requireArgument;
import static io.scheduler.internal.Require.requireNonNull;
import static io.scheduler.internal.Require.requirePositive;
import static io.scheduler.internal.Require.requireState;

import io.scheduler.exception.ConflictingJobIdException;
import io.scheduler.exception.JobNotFoundException;
import io.scheduler.exception.JobStoreException;
import io.scheduler.job.Job;
import io.scheduler.store.JobJson;
import io.scheduler.store.JobStoreContext;
import io.scheduler.store.ReleaseResult;
import io.scheduler.store.RunClaim;
import io.scheduler.store.SharedJobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps jobs in a database over plain JDBC (PostgreSQL, MySQL 8, MariaDB 10.6+ and H2), shared by
 * any number of schedulers in any number of processes: APScheduler's {@code SQLAlchemyJobStore}
 * with the clustering of {@link SharedJobStore}.
 *
 * <pre>{@code
 * JobStore store = JdbcJobStore.builder(dataSource).tablePrefix("scheduler_").build();
 * }</pre>
 *
 * <p><b>Tables.</b> {@code <prefix>jobs} holds one row per job: its JSON form ({@link JobJson}),
 * its next run time in microseconds since the epoch (indexed; {@code null} while paused), a version
 * that every change increments, and the lease of the scheduler that acquired it. {@code
 * <prefix>runs} holds one row per claimed run not completed yet. The scripts ship as {@code
 * io/scheduler/store/jdbc/schema-postgresql.sql}, {@code schema-mysql.sql} (MySQL and MariaDB) and
 * {@code schema-h2.sql}; {@link Builder#initializeSchema} decides whether the store runs them.
 *
 * <p><b>Exactly once.</b> Acquiring locks the due rows with {@code SELECT ... FOR UPDATE SKIP
 * LOCKED} (plain {@code FOR UPDATE}, which waits instead of skipping, on MySQL before 8 and MariaDB
 * before 10.6; H2 applies the limit before skipping, so it may hand out fewer rows) and marks them
 * with this scheduler's id, a lease and a fresh token, in one transaction. A release locks the rows
 * again and applies only while the row still carries this scheduler's id and token ({@link
 * ReleaseResult#LEASE_LOST} when another scheduler acquired the job since; {@link
 * ReleaseResult#SUPERSEDED} when a user changed or removed it, the user's change standing); in the
 * same transaction it inserts the run claims, counting the job's runs in progress under the job
 * row's lock, so {@code maxInstances} holds across the cluster. Run claims carry a fencing token
 * that every takeover increments; renewing or completing a claim needs the current one.
 *
 * <p><b>Changes.</b> On PostgreSQL, adding or changing a job sends a {@code NOTIFY} on the channel
 * {@code <prefix>jobs}, which the other stores receive on a dedicated connection and thread and
 * turn into {@link io.scheduler.store.JobStoreListener#jobsChanged()} (the {@code LISTEN}
 * connection is taken from the DataSource for as long as the store runs: size the pool one larger,
 * and expect a pool's leak detection to mention it); other databases rely on polling every {@link
 * #pollInterval()}.
 *
 * <p><b>Jobs that cannot be loaded.</b> A row whose JSON is corrupt or whose task cannot be
 * resolved here is reported once per version through {@link
 * io.scheduler.store.JobStoreListener#jobLoadFailed} and then skipped: it is never acquired,
 * returned or changed by this store, and never blocks other due jobs; another scheduler that can
 * resolve the task runs it. Updating the job (or replacing it with {@code replaceExisting}) makes
 * it load again.
 *
 * <p><b>Time.</b> Times are stored in whole microseconds (a run time with a finer part is rounded
 * up, so a job never runs early or twice) and read from the scheduler's clock; the schedulers
 * sharing a store need clocks that agree to well within the lease time. Every database failure is
 * thrown as a {@link JobStoreException} naming the store and the operation; deadlocks and lock
 * timeouts are retried.
 */
public final class JdbcJobStore implements SharedJobStore {

  /** The table prefix unless configured otherwise. */
  public static final String DEFAULT_TABLE_PREFIX = "scheduler_";

  /** Whether the store creates its tables, unless configured otherwise (Spring Boot's default). */
  public static final InitializeSchema DEFAULT_INITIALIZE_SCHEMA = InitializeSchema.EMBEDDED;

  /** The longest table prefix: the index names it starts must fit 63 characters. */
  public static final int MAX_TABLE_PREFIX_LENGTH = 32;

  private static final Logger log = LoggerFactory.getLogger(JdbcJobStore.class);
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern SCRIPT_PREFIX = Pattern.compile("\\bscheduler_");
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final int IN_LIST = 500;
  private static final int MAX_ATTEMPTS = 5;
  private static final int MAX_SKIPPED = 1_000;
  private static final int PURGE_ABOVE = 4_096;

  private final DataSource dataSource;
  private final String tablePrefix;
  private final InitializeSchema initializeSchema;
  private final Duration leaseTime;
  private final Duration pollInterval;
  // Acquisitions handed out by this instance and not released yet, by snapshot (identity).
  // Run ids: a random prefix per store instance and a counter (UUID.randomUUID's SecureRandom
  // costs more than the rest of a claim).
  private final String runIdPrefix = String.format("%016x-", new SecureRandom().nextLong());
  private final AtomicLong runIds = new AtomicLong();
  private final Map<Job, Acquisition> acquisitions = new ConcurrentHashMap<>();
  // Rows that could not be loaded: id -> the version reported (reported once per version).
  private final Map<String, Long> unloadable = new ConcurrentHashMap<>();
  private volatile @Nullable State state;

  private JdbcJobStore(Builder builder) {
    this.dataSource = builder.dataSource;
    this.tablePrefix = builder.tablePrefix;
    this.initializeSchema = builder.initializeSchema;
    this.leaseTime = builder.leaseTime;
    this.pollInterval = builder.pollInterval;
  }

  /**
   * Returns a builder for a store over {@code dataSource} (a connection pool, as every operation
   * takes a connection for a moment).
   *
   * @param dataSource where the tables are
   * @return a new builder
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(requireNonNull(dataSource, "dataSource"));
  }

  /**
   * Returns the prefix of the store's table names.
   *
   * @return the prefix
   */
  public String tablePrefix() {
    return tablePrefix;
  }

  @Override
  public Duration leaseTime() {
    return leaseTime;
  }

  @Override
  public Duration pollInterval() {
    return pollInterval;
  }

  DataSource dataSource() {
    return dataSource;
  }

  /** Returns the database the started store talks to. */
  Dialect dialect() {
    return state().dialect;
  }

  // ---------------------------------------------------------------- lifecycle

  @Override
  public synchronized void start(JobStoreContext context) {
    requireNonNull(context, "context");
    State previous = state;
    if (previous != null && previous.notifications != null) {
      previous.notifications.stop();
    }
    Dialect dialect;
    String lockClause;
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData metaData = c.getMetaData();
      dialect = Dialect.detect(metaData);
      lockClause = dialect.lockSkippingLocked(metaData);
      if (shouldInitialize(metaData)) {
        createTables(c, dialect);
      }
    } catch (SQLException e) {
      throw failure(context.alias(), "start", e);
    }
    Sql sql = new Sql(tablePrefix, lockClause);
    checkTables(context.alias(), sql, dialect);
    PostgresNotifications notifications = null;
    if (dialect == Dialect.POSTGRESQL) {
      notifications =
          new PostgresNotifications(
              this, channel(), context.schedulerId(), context.listener(), context.alias());
    }
    acquisitions.clear();
    unloadable.clear();
    state = new State(context, dialect, sql, notifications);
    if (notifications != null) {
      notifications.start();
    }
    log.debug("Job store '{}' started on {} tables {}*", context.alias(), dialect, tablePrefix);
  }

  /**
   * Stops listening for other schedulers' changes. The tables are kept; a run that ends after
   * shutdown can still be completed.
   */
  @Override
  public synchronized void shutdown() {
    State current = state;
    if (current != null && current.notifications != null) {
      current.notifications.stop();
      state = new State(current.context, current.dialect, current.sql, null);
    }
  }

  @Override
  public void checkAvailable() {
    State s = state();
    inConnection(
        "check that it is available",
        c -> {
          try (Statement statement = c.createStatement();
              ResultSet rows = statement.executeQuery(s.sql.checkJobs)) {
            return rows.next();
          }
        });
  }

  // ---------------------------------------------------------------- jobs

  @Override
  public void addJob(Job job) {
    String json = JobJson.toJson(job);
    State s = state();
    transaction(
        "add job '" + job.id() + "'",
        c -> {
          try (PreparedStatement insert = c.prepareStatement(s.sql.insertJob)) {
            bindJob(insert, 0, job, json);
            insert.executeUpdate();
          } catch (SQLException e) {
            if (Dialect.isDuplicateKey(e)) {
              throw new ConflictingJobIdException(job.id(), s.context.alias());
            }
            throw e;
          }
          announce(c, s);
          return null;
        });
  }

  @Override
  public void addJobs(List<Job> jobs) {
    if (jobs.isEmpty()) {
      return;
    }
    List<String> json = new ArrayList<>(jobs.size());
    Set<String> ids = new HashSet<>();
    State s = state();
    for (Job job : jobs) {
      json.add(JobJson.toJson(job));
      if (!ids.add(job.id())) {
        throw new ConflictingJobIdException(job.id(), s.context.alias());
      }
    }
    transaction(
        "add " + jobs.size() + " jobs",
        c -> {
          try {
            for (int from = 0; from < jobs.size(); from += IN_LIST) {
              int to = Math.min(jobs.size(), from + IN_LIST);
              try (PreparedStatement insert = c.prepareStatement(s.sql.insertJobs(to - from))) {
                for (int i = from; i < to; i++) {
                  bindJob(insert, 3 * (i - from), jobs.get(i), json.get(i));
                }
                insert.executeUpdate();
              }
            }
          } catch (SQLException e) {
            if (Dialect.isDuplicateKey(e)) {
              // One of the ids is taken: name it.
              c.rollback();
              String existing = null;
              for (int from = 0; existing == null && from < jobs.size(); from += IN_LIST) {
                existing =
                    firstExisting(c, s, jobs.subList(from, Math.min(jobs.size(), from + IN_LIST)));
              }
              throw new ConflictingJobIdException(
                  existing != null ? existing : jobs.get(0).id(), s.context.alias());
            }
            throw e;
          }
          announce(c, s);
          return null;
        });
  }

  private @Nullable String firstExisting(Connection c, State s, List<Job> jobs)
      throws SQLException {
    Set<String> found = new HashSet<>();
    try (PreparedStatement select = c.prepareStatement(s.sql.existingJobs(jobs.size()))) {
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

  @Override
  public void updateJob(Job job) {
    String json = JobJson.toJson(job);
    State s = state();
    transaction(
        "update job '" + job.id() + "'",
        c -> {
          int updated;
          try (PreparedStatement update = c.prepareStatement(s.sql.updateJob)) {
            setMicros(update, 1, job.nextRunTime().orElse(null));
            update.setString(2, json);
            update.setString(3, job.id());
            updated = update.executeUpdate();
          }
          if (updated == 0) {
            throw new JobNotFoundException(job.id(), s.context.alias());
          }
          announce(c, s);
          return null;
        });
  }

  @Override
  public void removeJob(String id) {
    requireNonNull(id, "id");
    State s = state();
    int removed =
        inConnection(
            "remove job '" + id + "'",
            c -> {
              try (PreparedStatement delete = c.prepareStatement(s.sql.deleteJob)) {
                delete.setString(1, id);
                return delete.executeUpdate();
              }
            });
    if (removed == 0) {
      throw new JobNotFoundException(id, s.context.alias());
    }
    unloadable.remove(id);
  }

  @Override
  public void removeAllJobs() {
    State s = state();
    inConnection(
        "remove all jobs",
        c -> {
          try (Statement delete = c.createStatement()) {
            return delete.executeUpdate(s.sql.deleteAllJobs);
          }
        });
    unloadable.clear();
  }

  @Override
  public Optional<Job> lookupJob(String id) {
    requireNonNull(id, "id");
    State s = state();
    List<LoadFailure> failures = new ArrayList<>();
    Job job =
        inConnection(
            "look up job '" + id + "'",
            c -> {
              try (PreparedStatement select = c.prepareStatement(s.sql.selectJob)) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                  if (!row.next()) {
                    return null;
                  }
                  return load(s, id, micros(row, 1), row.getString(2), row.getLong(3), failures);
                }
              }
            });
    report(s, failures);
    return Optional.ofNullable(job);
  }

  @Override
  public List<Job> getAllJobs() {
    State s = state();
    List<LoadFailure> failures = new ArrayList<>();
    List<Job> jobs =
        inConnection(
            "list jobs",
            c -> {
              List<Job> all = new ArrayList<>();
              try (Statement select = c.createStatement();
                  ResultSet rows = select.executeQuery(s.sql.selectAllJobs)) {
                while (rows.next()) {
                  Job job =
                      load(
                          s,
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
    report(s, failures);
    jobs.sort(Job.BY_NEXT_RUN_TIME);
    return jobs;
  }

  @Override
  public Optional<Instant> nextRunTime() {
    State s = state();
    long clockMicros = floorMicros(s.context.clock().instant());
    int limit = Math.min(unloadable.size(), MAX_SKIPPED) + 1;
    Long next =
        inConnection(
            "find the next run time",
            c -> {
              try (PreparedStatement select = c.prepareStatement(s.sql.nextRunTimes(limit))) {
                select.setLong(1, clockMicros);
                try (ResultSet rows = select.executeQuery()) {
                  while (rows.next()) {
                    if (!isUnloadable(rows.getString(1), rows.getLong(2))) {
                      return rows.getLong(3);
                    }
                  }
                }
              }
              return null;
            });
    return next == null ? Optional.empty() : Optional.of(fromMicros(next));
  }

  // ---------------------------------------------------------------- acquire and release

  @Override
  public List<Job> acquireDueJobs(Instant now, int limit) {
    requireArgument(limit > 0, "limit must be greater than 0, but was %s", limit);
    State s = state();
    long nowMicros = floorMicros(now);
    long clockMicros = floorMicros(s.context.clock().instant());
    long until = ceilMicros(now.plus(leaseTime));
    long token = newToken();
    List<LoadFailure> failures = new ArrayList<>();
    Map<Job, String> acquired =
        transaction(
            "acquire due jobs",
            c -> {
              Map<Job, String> jobs = selectDue(c, s, limit, nowMicros, clockMicros, failures);
              if (!jobs.isEmpty()) {
                List<String> ids = new ArrayList<>(jobs.size());
                jobs.keySet().forEach(job -> ids.add(job.id()));
                for (int from = 0; from < ids.size(); from += IN_LIST) {
                  List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
                  try (PreparedStatement update = c.prepareStatement(s.sql.acquire(chunk.size()))) {
                    update.setString(1, s.context.schedulerId());
                    update.setLong(2, until);
                    update.setLong(3, token);
                    for (int i = 0; i < chunk.size(); i++) {
                      update.setString(4 + i, chunk.get(i));
                    }
                    update.executeUpdate();
                  }
                }
              }
              return jobs;
            });
    report(s, failures);
    if (acquisitions.size() > PURGE_ABOVE) {
      purgeStaleAcquisitions(clockMicros);
    }
    acquired.forEach((job, json) -> acquisitions.put(job, new Acquisition(token, json, until)));
    return new ArrayList<>(acquired.keySet());
  }

  /**
   * Reads and locks up to {@code limit} due jobs, skipping rows locked by other transactions and
   * rows that cannot be loaded (reported through {@code failures}; failures found by a failed
   * attempt stay listed, so a retry skips those rows). Returns each job with its JSON.
   */
  private Map<Job, String> selectDue(
      Connection c,
      State s,
      int limit,
      long nowMicros,
      long clockMicros,
      List<LoadFailure> failures)
      throws SQLException {
    Map<Job, String> jobs = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    boolean again;
    do {
      int known = Math.min(unloadable.size(), MAX_SKIPPED);
      int fetch = (int) Math.min(Integer.MAX_VALUE, (long) limit - jobs.size() + known);
      int failed = failures.size();
      int rowsRead = 0;
      try (PreparedStatement select = c.prepareStatement(s.sql.selectDue(fetch))) {
        select.setLong(1, nowMicros);
        select.setLong(2, clockMicros);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next() && jobs.size() < limit) {
            rowsRead++;
            String id = rows.getString(1);
            if (!seen.add(id)) {
              continue;
            }
            String json = rows.getString(3);
            Job job = load(s, id, micros(rows, 2), json, rows.getLong(4), failures);
            if (job != null) {
              jobs.put(job, json);
            }
          }
        }
      }
      // Rows newly found unloadable took places in the batch: look further.
      again = failures.size() > failed && rowsRead == fetch && jobs.size() < limit;
    } while (again);
    return jobs;
  }

  /**
   * Acquires, releases and claims in one transaction: the due rows stay locked (other schedulers
   * skip them) until the releases and claims are written, so no acquisition lease is written.
   */
  @Override
  public AcquiredRuns acquireAndClaim(
      Instant now, int limit, Function<List<Job>, List<Release>> decide) {
    requireArgument(limit > 0, "limit must be greater than 0, but was %s", limit);
    requireNonNull(decide, "decide");
    State s = state();
    long nowMicros = floorMicros(now);
    long clockMicros = floorMicros(s.context.clock().instant());
    long leaseUntil = ceilMicros(now.plus(leaseTime));
    List<LoadFailure> failures = new ArrayList<>();
    AcquiredRuns acquired =
        transaction(
            "acquire and claim due jobs",
            c -> {
              Map<Job, String> jobs = selectDue(c, s, limit, nowMicros, clockMicros, failures);
              if (jobs.isEmpty()) {
                return new AcquiredRuns(List.of(), List.of());
              }
              List<Job> due = new ArrayList<>(jobs.keySet());
              List<Release> releases = SharedJobStore.checkReleases(due, decide.apply(due));
              int n = releases.size();
              String[] jobJson = new String[n];
              ReleaseResult[] results = new ReleaseResult[n];
              boolean[] claim = new boolean[n];
              String[] runTimesJson = new String[n];
              List<PreparedUpdate> updates = new ArrayList<>(n);
              for (int i = 0; i < n; i++) {
                Release release = releases.get(i);
                Job job = due.get(i);
                jobJson[i] = jobs.get(job);
                Job updated = release.updated();
                results[i] = updated == null ? ReleaseResult.REMOVED : ReleaseResult.UPDATED;
                claim[i] = true;
                updates.add(
                    new PreparedUpdate(
                        job.id(),
                        updated,
                        updated != null && !sameData(job, updated)
                            ? JobJson.toJson(updated)
                            : null));
                if (!release.runTimes().isEmpty()) {
                  runTimesJson[i] = runTimesJson(release.runTimes());
                }
              }
              writeReleases(c, s, updates);
              return new AcquiredRuns(
                  releases,
                  claimRuns(c, s, releases, jobJson, results, claim, runTimesJson, leaseUntil));
            });
    report(s, failures);
    return acquired;
  }

  /** Forgets acquisitions never released whose lease ended long ago (their jobs moved on). */
  private void purgeStaleAcquisitions(long clockMicros) {
    long stale = clockMicros - 2 * leaseTime.toNanos() / 1000;
    acquisitions.values().removeIf(acquisition -> acquisition.until < stale);
  }

  @Override
  public ReleaseResult releaseJob(Job acquired, @Nullable Job updated) {
    List<@Nullable Job> one = new ArrayList<>(1);
    one.add(updated);
    return releaseJobs(List.of(acquired), one).get(0);
  }

  @Override
  public List<ReleaseResult> releaseJobs(List<Job> acquired, List<@Nullable Job> updated) {
    requireArgument(
        acquired.size() == updated.size(),
        "acquired and updated must have the same size, but had %s and %s",
        acquired.size(),
        updated.size());
    List<Release> releases = new ArrayList<>(acquired.size());
    for (int i = 0; i < acquired.size(); i++) {
      releases.add(new Release(acquired.get(i), updated.get(i), List.of()));
    }
    List<ReleaseResult> results = new ArrayList<>(releases.size());
    for (ClaimResult result : releaseAndClaim(releases, state().context.clock().instant())) {
      results.add(result.release());
    }
    return results;
  }

  @Override
  public List<ClaimResult> releaseAndClaim(List<Release> releases, Instant now) {
    State s = state();
    int n = releases.size();
    if (n == 0) {
      return List.of();
    }
    long leaseUntil = ceilMicros(now.plus(leaseTime));
    Acquisition[] held = new Acquisition[n];
    String[] newData = new String[n];
    for (int i = 0; i < n; i++) {
      Release release = releases.get(i);
      held[i] = acquisitions.remove(release.acquired());
      Job updated = release.updated();
      if (held[i] != null && updated != null && !sameData(release.acquired(), updated)) {
        newData[i] = JobJson.toJson(updated);
      }
    }
    String[] runTimesJson = new String[n];
    for (int i = 0; i < n; i++) {
      if (!releases.get(i).runTimes().isEmpty()) {
        runTimesJson[i] = runTimesJson(releases.get(i).runTimes());
      }
    }
    String me = s.context.schedulerId();
    return transaction(
        "release " + n + (n == 1 ? " job" : " jobs"),
        c -> {
          Map<String, HeldRow> rows = lockJobs(c, s, releases, held);
          ReleaseResult[] results = new ReleaseResult[n];
          boolean[] claim = new boolean[n];
          List<PreparedUpdate> updates = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            Release release = releases.get(i);
            String id = release.acquired().id();
            HeldRow row = held[i] == null ? null : rows.get(id);
            if (row == null) {
              // never acquired here, released already, or the job was removed meanwhile
              results[i] = ReleaseResult.SUPERSEDED;
            } else if (me.equals(row.acquiredBy)
                && row.token != null
                && row.token == held[i].token) {
              Job updated = release.updated();
              results[i] = updated == null ? ReleaseResult.REMOVED : ReleaseResult.UPDATED;
              updates.add(new PreparedUpdate(id, updated, newData[i]));
              claim[i] = true;
              if (updated == null) {
                rows.remove(id);
              } else {
                row.acquiredBy = null;
              }
            } else if (row.token != null && row.token != held[i].token) {
              // another scheduler acquired the job after this one's lease expired
              results[i] = ReleaseResult.LEASE_LOST;
            } else {
              // a user changed the job (or removed and added it again) while it was acquired
              results[i] = ReleaseResult.SUPERSEDED;
              claim[i] = true;
            }
          }
          writeReleases(c, s, updates);
          String[] jobJson = new String[n];
          for (int i = 0; i < n; i++) {
            jobJson[i] = held[i] == null ? null : held[i].json;
          }
          return claimRuns(c, s, releases, jobJson, results, claim, runTimesJson, leaseUntil);
        });
  }

  private Map<String, HeldRow> lockJobs(
      Connection c, State s, List<Release> releases, Acquisition[] held) throws SQLException {
    Set<String> ids = new TreeSet<>();
    for (int i = 0; i < releases.size(); i++) {
      if (held[i] != null) {
        ids.add(releases.get(i).acquired().id());
      }
    }
    Map<String, HeldRow> rows = new HashMap<>();
    List<String> sorted = new ArrayList<>(ids);
    for (int from = 0; from < sorted.size(); from += IN_LIST) {
      List<String> chunk = sorted.subList(from, Math.min(sorted.size(), from + IN_LIST));
      try (PreparedStatement lock = c.prepareStatement(s.sql.lockJobs(chunk.size()))) {
        for (int i = 0; i < chunk.size(); i++) {
          lock.setString(i + 1, chunk.get(i));
        }
        try (ResultSet result = lock.executeQuery()) {
          while (result.next()) {
            long token = result.getLong(3);
            rows.put(
                result.getString(1),
                new HeldRow(result.getString(2), result.wasNull() ? null : token));
          }
        }
      }
    }
    return rows;
  }

  private static void writeReleases(Connection c, State s, List<PreparedUpdate> updates)
      throws SQLException {
    List<String> deleted = new ArrayList<>();
    try (PreparedStatement plain = c.prepareStatement(s.sql.releaseJob);
        PreparedStatement withData = c.prepareStatement(s.sql.releaseJobWithData)) {
      boolean anyPlain = false;
      boolean anyData = false;
      for (PreparedUpdate update : updates) {
        if (update.updated == null) {
          deleted.add(update.id);
        } else if (update.data == null) {
          setMicros(plain, 1, update.updated.nextRunTime().orElse(null));
          plain.setString(2, update.id);
          plain.addBatch();
          anyPlain = true;
        } else {
          setMicros(withData, 1, update.updated.nextRunTime().orElse(null));
          withData.setString(2, update.data);
          withData.setString(3, update.id);
          withData.addBatch();
          anyData = true;
        }
      }
      if (anyPlain) {
        plain.executeBatch();
      }
      if (anyData) {
        withData.executeBatch();
      }
    }
    for (int from = 0; from < deleted.size(); from += IN_LIST) {
      List<String> chunk = deleted.subList(from, Math.min(deleted.size(), from + IN_LIST));
      try (PreparedStatement delete = c.prepareStatement(s.sql.deleteJobs(chunk.size()))) {
        for (int i = 0; i < chunk.size(); i++) {
          delete.setString(i + 1, chunk.get(i));
        }
        delete.executeUpdate();
      }
    }
  }

  private List<ClaimResult> claimRuns(
      Connection c,
      State s,
      List<Release> releases,
      @Nullable String[] jobJson,
      ReleaseResult[] results,
      boolean[] claim,
      String[] runTimesJson,
      long leaseUntil)
      throws SQLException {
    int n = releases.size();
    Set<String> claiming = new TreeSet<>();
    for (int i = 0; i < n; i++) {
      if (claim[i] && !releases.get(i).runTimes().isEmpty()) {
        claiming.add(releases.get(i).acquired().id());
      }
    }
    Map<String, Integer> running = countRuns(c, s, claiming);
    List<ClaimResult> out = new ArrayList<>(n);
    List<Integer> inserted = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Release release = releases.get(i);
      if (!claim[i] || release.runTimes().isEmpty()) {
        out.add(new ClaimResult(results[i], null, false));
        continue;
      }
      Job job = release.acquired();
      int instances = running.getOrDefault(job.id(), 0);
      if (instances >= job.maxInstances()) {
        out.add(new ClaimResult(results[i], null, true));
        continue;
      }
      running.put(job.id(), instances + 1);
      String runId = runIdPrefix + Long.toHexString(runIds.incrementAndGet());
      inserted.add(i);
      out.add(
          new ClaimResult(
              results[i], new RunClaim(runId, job.id(), 1L, release.runTimes(), false), false));
    }
    for (int from = 0; from < inserted.size(); from += IN_LIST) {
      List<Integer> chunk = inserted.subList(from, Math.min(inserted.size(), from + IN_LIST));
      try (PreparedStatement insert = c.prepareStatement(s.sql.insertRuns(chunk.size()))) {
        int p = 0;
        for (int i : chunk) {
          RunClaim run = Objects.requireNonNull(out.get(i).claim());
          insert.setString(++p, run.runId());
          insert.setString(++p, run.jobId());
          insert.setString(++p, s.context.schedulerId());
          insert.setLong(++p, run.fencingToken());
          insert.setLong(++p, leaseUntil);
          insert.setString(++p, runTimesJson[i]);
          insert.setString(++p, jobJson[i]);
        }
        insert.executeUpdate();
      }
    }
    return out;
  }

  private static Map<String, Integer> countRuns(Connection c, State s, Set<String> jobIds)
      throws SQLException {
    Map<String, Integer> counts = new HashMap<>();
    List<String> ids = new ArrayList<>(jobIds);
    for (int from = 0; from < ids.size(); from += IN_LIST) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
      try (PreparedStatement count = c.prepareStatement(s.sql.countRuns(chunk.size()))) {
        for (int i = 0; i < chunk.size(); i++) {
          count.setString(i + 1, chunk.get(i));
        }
        try (ResultSet rows = count.executeQuery()) {
          while (rows.next()) {
            counts.put(rows.getString(1), rows.getInt(2));
          }
        }
      }
    }
    return counts;
  }

  // ---------------------------------------------------------------- run claims

  @Override
  public List<RunClaim> renewLeases(List<RunClaim> claims, Instant now) {
    if (claims.isEmpty()) {
      return List.of();
    }
    State s = state();
    long until = ceilMicros(now.plus(leaseTime));
    String me = s.context.schedulerId();
    return transaction(
        "renew the leases of " + claims.size() + " runs",
        c -> {
          Map<String, RunClaim> byId = new HashMap<>();
          for (RunClaim claim : claims) {
            byId.put(claim.runId(), claim);
          }
          List<String> ids = new ArrayList<>(new TreeSet<>(byId.keySet()));
          Set<String> held = new HashSet<>();
          for (int from = 0; from < ids.size(); from += IN_LIST) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
            List<String> mine = lockHeldRuns(c, s, chunk, byId, me);
            if (!mine.isEmpty()) {
              try (PreparedStatement renew = c.prepareStatement(s.sql.renewRuns(mine.size()))) {
                renew.setLong(1, until);
                for (int i = 0; i < mine.size(); i++) {
                  renew.setString(i + 2, mine.get(i));
                }
                renew.executeUpdate();
              }
              held.addAll(mine);
            }
          }
          return notIn(claims, held);
        });
  }

  /** Locks runs by id (in id order) and returns the ids still held by this scheduler. */
  private static List<String> lockHeldRuns(
      Connection c, State s, List<String> sortedIds, Map<String, RunClaim> byId, String me)
      throws SQLException {
    List<String> mine = new ArrayList<>(sortedIds.size());
    try (PreparedStatement lock = c.prepareStatement(s.sql.lockRuns(sortedIds.size()))) {
      for (int i = 0; i < sortedIds.size(); i++) {
        lock.setString(i + 1, sortedIds.get(i));
      }
      try (ResultSet rows = lock.executeQuery()) {
        while (rows.next()) {
          RunClaim claim = byId.get(rows.getString(1));
          if (claim != null
              && me.equals(rows.getString(2))
              && rows.getLong(3) == claim.fencingToken()) {
            mine.add(claim.runId());
          }
        }
      }
    }
    return mine;
  }

  private static List<RunClaim> notIn(List<RunClaim> claims, Set<String> runIds) {
    List<RunClaim> rest = new ArrayList<>();
    for (RunClaim claim : claims) {
      if (!runIds.contains(claim.runId())) {
        rest.add(claim);
      }
    }
    return rest;
  }

  @Override
  public boolean completeRun(RunClaim claim) {
    requireNonNull(claim, "claim");
    return completeRuns(List.of(claim)).isEmpty();
  }

  /** Completes the runs in one transaction: locks their rows, then deletes the ones it holds. */
  @Override
  public List<RunClaim> completeRuns(List<RunClaim> claims) {
    if (claims.isEmpty()) {
      return List.of();
    }
    State s = state();
    String me = s.context.schedulerId();
    return transaction(
        claims.size() == 1
            ? "complete a run of job '" + claims.get(0).jobId() + "'"
            : "complete " + claims.size() + " runs",
        c -> {
          Map<String, RunClaim> byId = new HashMap<>();
          for (RunClaim claim : claims) {
            byId.put(claim.runId(), claim);
          }
          List<String> ids = new ArrayList<>(new TreeSet<>(byId.keySet()));
          Set<String> completed = new HashSet<>();
          for (int from = 0; from < ids.size(); from += IN_LIST) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
            List<String> mine = lockHeldRuns(c, s, chunk, byId, me);
            if (!mine.isEmpty()) {
              try (PreparedStatement delete = c.prepareStatement(s.sql.deleteRuns(mine.size()))) {
                for (int i = 0; i < mine.size(); i++) {
                  delete.setString(i + 1, mine.get(i));
                }
                delete.executeUpdate();
              }
              completed.addAll(mine);
            }
          }
          return notIn(claims, completed);
        });
  }

  @Override
  public List<RunClaim> recoverExpiredRuns(Instant now, int limit) {
    requireArgument(limit > 0, "limit must be greater than 0, but was %s", limit);
    State s = state();
    long nowMicros = floorMicros(now);
    long until = ceilMicros(now.plus(leaseTime));
    return transaction(
        "recover expired runs",
        c -> {
          List<RunClaim> expired = new ArrayList<>();
          try (PreparedStatement select = c.prepareStatement(s.sql.selectExpiredRuns(limit))) {
            select.setLong(1, nowMicros);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                expired.add(
                    new RunClaim(
                        rows.getString(1),
                        rows.getString(2),
                        rows.getLong(3) + 1,
                        parseRunTimes(rows.getString(4)),
                        true));
              }
            }
          }
          if (expired.isEmpty()) {
            return expired;
          }
          try (PreparedStatement update = c.prepareStatement(s.sql.takeOverRuns(expired.size()))) {
            update.setString(1, s.context.schedulerId());
            update.setLong(2, until);
            for (int i = 0; i < expired.size(); i++) {
              update.setString(i + 3, expired.get(i).runId());
            }
            update.executeUpdate();
          }
          return expired;
        });
  }

  /**
   * Returns the job a claim runs: the stored job, or, once it was removed (a one-shot job's last
   * run removes it), the job as it was when the run was claimed, so a recovered run still runs.
   */
  @Override
  public Optional<Job> claimedJob(RunClaim claim) {
    Optional<Job> current = lookupJob(claim.jobId());
    if (current.isPresent()) {
      return current;
    }
    State s = state();
    String json =
        inConnection(
            "look up the job of a run of job '" + claim.jobId() + "'",
            c -> {
              try (PreparedStatement select = c.prepareStatement(s.sql.selectRunJob)) {
                select.setString(1, claim.runId());
                try (ResultSet row = select.executeQuery()) {
                  return row.next() ? row.getString(1) : null;
                }
              }
            });
    if (json == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(JobJson.fromJson(json, null, s.context));
    } catch (RuntimeException e) {
      s.context.listener().jobLoadFailed(claim.jobId(), e);
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    State s = state;
    return "JdbcJobStore["
        + (s == null ? "not started" : s.context.alias() + ", " + s.dialect)
        + ", "
        + tablePrefix
        + "*]";
  }

  // ---------------------------------------------------------------- loading

  /**
   * Loads a row into a job; returns null (and notes the failure once per version) when it fails.
   */
  private @Nullable Job load(
      State s,
      String id,
      @Nullable Long nextMicros,
      String json,
      long version,
      List<LoadFailure> failures) {
    Long reported = unloadable.get(id);
    if (reported != null && reported == version) {
      return null;
    }
    try {
      Job job =
          JobJson.fromJson(json, nextMicros == null ? null : fromMicros(nextMicros), s.context);
      if (!job.id().equals(id)) {
        throw new JobStoreException(
            "job '"
                + id
                + "' in job store '"
                + s.context.alias()
                + "' cannot be loaded: its data names job '"
                + job.id()
                + "'");
      }
      if (reported != null) {
        unloadable.remove(id, reported);
      }
      return job;
    } catch (RuntimeException | LinkageError e) {
      Exception cause =
          e instanceof RuntimeException runtime
                  && e.getMessage() != null
                  && e.getMessage().contains("'" + id + "'")
              ? runtime
              : new JobStoreException(
                  "job '"
                      + id
                      + "' in job store '"
                      + s.context.alias()
                      + "' cannot be loaded: "
                      + e.getMessage(),
                  e);
      if (!Objects.equals(unloadable.put(id, version), version)) {
        failures.add(new LoadFailure(id, cause));
      }
      return null;
    }
  }

  private boolean isUnloadable(String id, long version) {
    Long reported = unloadable.get(id);
    return reported != null && reported == version;
  }

  /** Tells the scheduler about rows that could not be loaded, outside any transaction. */
  private static void report(State s, List<LoadFailure> failures) {
    for (LoadFailure failure : failures) {
      log.debug(
          "Job '{}' in job store '{}' cannot be loaded; keeping it untouched and skipping it",
          failure.jobId,
          s.context.alias(),
          failure.cause);
      try {
        s.context.listener().jobLoadFailed(failure.jobId, failure.cause);
      } catch (RuntimeException e) {
        log.warn("The listener of job store '{}' failed", s.context.alias(), e);
      }
    }
  }

  /**
   * Whether {@code updated} holds the same data as {@code acquired} except the next run time (as
   * made by {@link Job#withNextRunTime}), so a release need not write the JSON again.
   */
  private static boolean sameData(Job acquired, Job updated) {
    return acquired.id().equals(updated.id())
        && acquired.name().equals(updated.name())
        && acquired.taskRef().equals(updated.taskRef())
        && acquired.trigger() == updated.trigger()
        && acquired.args() == updated.args()
        && acquired.kwargs() == updated.kwargs()
        && acquired.misfireGraceTime().equals(updated.misfireGraceTime())
        && acquired.coalesce() == updated.coalesce()
        && acquired.maxInstances() == updated.maxInstances()
        && acquired.executor().equals(updated.executor());
  }

  // ---------------------------------------------------------------- schema

  private boolean shouldInitialize(DatabaseMetaData metaData) throws SQLException {
    return switch (initializeSchema) {
      case ALWAYS -> true;
      case NEVER -> false;
      case EMBEDDED -> isEmbedded(metaData.getDatabaseProductName(), metaData.getURL());
    };
  }

  /** Spring Boot's rule: an in-memory H2 or HSQLDB database, or Derby. */
  static boolean isEmbedded(@Nullable String product, @Nullable String url) {
    String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
    String location = url == null ? "" : url.toLowerCase(Locale.ROOT);
    if (name.contains("derby")) {
      return true;
    }
    return location.contains(":h2:mem:") || location.contains(":hsqldb:mem:");
  }

  /** Returns the shipped schema script's statements with this store's table prefix. */
  static List<String> schemaStatements(Dialect dialect, String tablePrefix) {
    String script;
    try (InputStream in = JdbcJobStore.class.getResourceAsStream(dialect.schemaResource())) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + dialect.schemaResource());
      }
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + dialect.schemaResource(), e);
    }
    StringBuilder withoutComments = new StringBuilder();
    for (String line : script.split("\n")) {
      if (!line.strip().startsWith("--")) {
        withoutComments.append(line).append('\n');
      }
    }
    String prefixed =
        SCRIPT_PREFIX.matcher(withoutComments).replaceAll(Matcher.quoteReplacement(tablePrefix));
    List<String> statements = new ArrayList<>();
    for (String statement : prefixed.split(";")) {
      if (!statement.isBlank()) {
        statements.add(statement.strip());
      }
    }
    return statements;
  }

  private void createTables(Connection c, Dialect dialect) throws SQLException {
    List<String> statements = schemaStatements(dialect, tablePrefix);
    boolean autoCommit = c.getAutoCommit();
    try {
      if (dialect == Dialect.POSTGRESQL) {
        // One transaction, serialised across processes: concurrent CREATE ... IF NOT EXISTS can
        // collide in PostgreSQL's catalogs.
        c.setAutoCommit(false);
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
          lock.setLong(1, channel().hashCode());
          lock.execute();
        }
      }
      try (Statement statement = c.createStatement()) {
        for (String sql : statements) {
          statement.execute(sql);
        }
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
    } catch (SQLException e) {
      if (!c.getAutoCommit()) {
        c.rollback();
      }
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  private void checkTables(String alias, Sql sql, Dialect dialect) {
    try (Connection c = dataSource.getConnection();
        Statement statement = c.createStatement()) {
      statement.executeQuery(sql.checkJobs).close();
      statement.executeQuery(sql.checkRuns).close();
    } catch (SQLException e) {
      throw new JobStoreException(
          "job store '"
              + alias
              + "' cannot use its tables "
              + sql.jobs
              + " and "
              + sql.runs
              + " ("
              + e.getMessage()
              + "); create them with io/scheduler/store/jdbc/"
              + dialect.schemaResource()
              + " (replacing the prefix scheduler_ by "
              + tablePrefix
              + ") or set initializeSchema(ALWAYS)",
          e);
    }
  }

  private String channel() {
    return (tablePrefix + "jobs").toLowerCase(Locale.ROOT);
  }

  /** Tells the other schedulers that jobs changed (PostgreSQL; delivered on commit). */
  private static void announce(Connection c, State s) throws SQLException {
    if (s.dialect != Dialect.POSTGRESQL) {
      return;
    }
    try (PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
      notify.setString(1, s.sql.jobs.toLowerCase(Locale.ROOT));
      notify.setString(2, s.context.schedulerId());
      notify.execute();
    }
  }

  // ---------------------------------------------------------------- JDBC plumbing

  private State state() {
    State s = state;
    requireState(s != null, "job store %s has not been started", this);
    return s;
  }

  /** Runs {@code work} in a transaction (read committed), retrying deadlocks and lock timeouts. */
  private <T> T transaction(String operation, SqlWork<T> work) {
    State s = state();
    for (int attempt = 1; ; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        boolean autoCommit = c.getAutoCommit();
        try {
          if (autoCommit) {
            c.setAutoCommit(false);
          }
          if (s.dialect == Dialect.MYSQL || s.dialect == Dialect.MARIADB) {
            // InnoDB defaults to repeatable read, whose gap locks would block concurrent inserts
            try (Statement statement = c.createStatement()) {
              statement.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
            }
          }
          T result = work.run(c);
          c.commit();
          return result;
        } catch (SQLException | RuntimeException | Error e) {
          try {
            c.rollback();
          } catch (SQLException rollback) {
            e.addSuppressed(rollback);
          }
          throw e;
        } finally {
          if (autoCommit) {
            try {
              c.setAutoCommit(true);
            } catch (SQLException ignored) {
              // the pool resets or discards the connection
            }
          }
        }
      } catch (SQLException e) {
        if (attempt < MAX_ATTEMPTS && Dialect.isTransient(e)) {
          log.debug("Retrying '{}' in job store '{}'", operation, s.context.alias(), e);
          continue;
        }
        throw failure(s.context.alias(), operation, e);
      }
    }
  }

  /** Runs one statement's worth of {@code work} on a connection in auto-commit mode. */
  private <T> T inConnection(String operation, SqlWork<T> work) {
    State s = state();
    for (int attempt = 1; ; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        if (!c.getAutoCommit()) {
          c.setAutoCommit(true);
        }
        return work.run(c);
      } catch (SQLException e) {
        if (attempt < MAX_ATTEMPTS && Dialect.isTransient(e)) {
          continue;
        }
        throw failure(s.context.alias(), operation, e);
      }
    }
  }

  private static JobStoreException failure(String alias, String operation, SQLException e) {
    SQLException shown = e;
    if (e instanceof BatchUpdateException && e.getNextException() != null) {
      shown = e.getNextException();
    }
    return new JobStoreException(
        "job store '" + alias + "' could not " + operation + ": " + shown.getMessage(), e);
  }

  /** Binds a job's id, next run time and JSON to the three parameters after {@code offset}. */
  private static void bindJob(PreparedStatement insert, int offset, Job job, String json)
      throws SQLException {
    insert.setString(offset + 1, job.id());
    setMicros(insert, offset + 2, job.nextRunTime().orElse(null));
    insert.setString(offset + 3, json);
  }

  private static void setMicros(PreparedStatement statement, int index, @Nullable Instant time)
      throws SQLException {
    if (time == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, ceilMicros(time));
    }
  }

  private static @Nullable Long micros(ResultSet row, int column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }

  /** Microseconds since the epoch, rounded down (for "now": due means at or before it). */
  static long floorMicros(Instant time) {
    try {
      return Math.addExact(
          Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1000);
    } catch (ArithmeticException e) {
      return time.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /** Microseconds since the epoch, rounded up (for run times: never earlier than asked). */
  static long ceilMicros(Instant time) {
    long floor = floorMicros(time);
    return time.getNano() % 1000 == 0 || floor == Long.MAX_VALUE ? floor : floor + 1;
  }

  static Instant fromMicros(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }

  private static long newToken() {
    long token;
    do {
      token = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
    } while (token == 0);
    return token;
  }

  /** A JSON array of ISO-8601 instants, as {@link Instant#toString()} writes them. */
  private static String runTimesJson(List<Instant> runTimes) {
    StringBuilder json = new StringBuilder(2 + 33 * runTimes.size()).append('[');
    for (Instant time : runTimes) {
      json.append(json.length() == 1 ? "\"" : ",\"");
      appendInstant(json, time);
      json.append('"');
    }
    return json.append(']').toString();
  }

  /**
   * Appends what {@link Instant#toString()} returns, without its formatter for the years 0000 to
   * 9999 (a claim writes one per run).
   */
  static void appendInstant(StringBuilder out, Instant time) {
    LocalDateTime utc = LocalDateTime.ofEpochSecond(time.getEpochSecond(), 0, ZoneOffset.UTC);
    int year = utc.getYear();
    if (year < 0 || year > 9999) {
      out.append(time);
      return;
    }
    pad(out, year, 4).append('-');
    pad(out, utc.getMonthValue(), 2).append('-');
    pad(out, utc.getDayOfMonth(), 2).append('T');
    pad(out, utc.getHour(), 2).append(':');
    pad(out, utc.getMinute(), 2).append(':');
    pad(out, utc.getSecond(), 2);
    int nano = time.getNano();
    if (nano != 0) {
      out.append('.');
      if (nano % 1_000_000 == 0) {
        pad(out, nano / 1_000_000, 3);
      } else if (nano % 1000 == 0) {
        pad(out, nano / 1000, 6);
      } else {
        pad(out, nano, 9);
      }
    }
    out.append('Z');
  }

  private static StringBuilder pad(StringBuilder out, int value, int width) {
    for (int limit = 10, digits = 1; digits < width; limit *= 10, digits++) {
      if (value < limit) {
        out.append('0');
      }
    }
    return out.append(value);
  }

  private static List<Instant> parseRunTimes(String json) {
    try {
      List<Instant> times = new ArrayList<>();
      for (Object time : MAPPER.readValue(json, List.class)) {
        times.add(Instant.parse(String.valueOf(time)));
      }
      return times;
    } catch (JacksonException | DateTimeParseException e) {
      throw new JobStoreException("a run has corrupt run times: " + json, e);
    }
  }

  @FunctionalInterface
  private interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  /** What a started store knows. */
  private record State(
      JobStoreContext context,
      Dialect dialect,
      Sql sql,
      @Nullable PostgresNotifications notifications) {}

  /** An acquisition this instance handed out: its token, the row's JSON, its lease's end. */
  private record Acquisition(long token, String json, long until) {}

  /** A job row locked by a release: who holds it, with which token. */
  private static final class HeldRow {
    @Nullable String acquiredBy;
    final @Nullable Long token;

    HeldRow(@Nullable String acquiredBy, @Nullable Long token) {
      this.acquiredBy = acquiredBy;
      this.token = token;
    }
  }

  /** A release to write: the job's new snapshot (null: delete) and its JSON when it changed. */
  private record PreparedUpdate(String id, @Nullable Job updated, @Nullable String data) {}

  private record LoadFailure(String jobId, Exception cause) {}

  /**
   * Configures a {@link JdbcJobStore}; every setting but the DataSource is optional.
   *
   * <pre>{@code
   * JdbcJobStore store = JdbcJobStore.builder(dataSource)
   *     .tablePrefix("billing_scheduler_")
   *     .initializeSchema(InitializeSchema.ALWAYS)
   *     .leaseTime(Duration.ofSeconds(30))
   *     .pollInterval(Duration.ofSeconds(10))
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private final DataSource dataSource;
    private String tablePrefix = DEFAULT_TABLE_PREFIX;
    private InitializeSchema initializeSchema = DEFAULT_INITIALIZE_SCHEMA;
    private Duration leaseTime = DEFAULT_LEASE_TIME;
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /**
     * Sets the start of the table names (default {@value JdbcJobStore#DEFAULT_TABLE_PREFIX}): the
     * tables are {@code <prefix>jobs} and {@code <prefix>runs}.
     *
     * @param tablePrefix an SQL identifier: a letter or underscore, then letters, digits or
     *     underscores, at most {@value JdbcJobStore#MAX_TABLE_PREFIX_LENGTH} characters
     * @return this builder
     */
    public Builder tablePrefix(String tablePrefix) {
      requireArgument(
          tablePrefix != null
              && IDENTIFIER.matcher(tablePrefix).matches()
              && tablePrefix.length() <= MAX_TABLE_PREFIX_LENGTH,
          "tablePrefix must be an SQL identifier ([A-Za-z_][A-Za-z0-9_]*, at most %s characters),"
              + " but was '%s'",
          MAX_TABLE_PREFIX_LENGTH,
          tablePrefix);
      this.tablePrefix = tablePrefix;
      return this;
    }

    /**
     * Sets whether the store creates its tables when it starts (default {@link
     * InitializeSchema#EMBEDDED}).
     *
     * @param initializeSchema the mode
     * @return this builder
     */
    public Builder initializeSchema(InitializeSchema initializeSchema) {
      this.initializeSchema = requireNonNull(initializeSchema, "initializeSchema");
      return this;
    }

    /**
     * Sets how long an acquisition or a run claim lasts without renewal (default 30 s): a run whose
     * scheduler died is re-run this long after its last renewal at the latest.
     *
     * @param leaseTime a positive duration
     * @return this builder
     */
    public Builder leaseTime(Duration leaseTime) {
      this.leaseTime = requirePositive(leaseTime, "leaseTime");
      return this;
    }

    /**
     * Sets how often a scheduler looks into the store when no change was announced (default 10 s).
     *
     * @param pollInterval a positive duration
     * @return this builder
     */
    public Builder pollInterval(Duration pollInterval) {
      this.pollInterval = requirePositive(pollInterval, "pollInterval");
      return this;
    }

    /**
     * Builds the store; it connects when the scheduler starts it.
     *
     * @return the store
     */
    public JdbcJobStore build() {
      return new JdbcJobStore(this);
    }
  }
}
