package io.scheduler.store.jdbc;

import static io.scheduler.internal.Require.requireArgument;
import static io.scheduler.internal.Require.requireNonNull;
import static io.scheduler.internal.Require.requireState;

import io.scheduler.exception.JobStoreException;
import io.scheduler.job.Job;
import io.scheduler.store.JobJson;
import io.scheduler.store.JobStoreContext;
import io.scheduler.store.LeaseSettings;
import io.scheduler.store.ReleaseResult;
import io.scheduler.store.RunClaim;
import io.scheduler.store.SharedJobStore;
import io.scheduler.store.UnloadableJob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * #pollInterval()}. Adding a job, or a batch of up to 1,000 on PostgreSQL (ids, next run times and
 * JSON given as three arrays) or 500 elsewhere, is one statement in auto-commit mode (one round
 * trip and one commit; on PostgreSQL the {@code NOTIFY} is part of the same statement); a larger
 * batch is one transaction with one {@code NOTIFY}. A taken id is refused by the table's primary
 * key, without a look-up first.
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

  private final DataSource dataSource;
  private final String tablePrefix;
  private final InitializeSchema initializeSchema;
  private final LeaseSettings leases;
  private final Acquisitions.RunIds runIds = new Acquisitions.RunIds();
  private volatile @Nullable State state;

  private JdbcJobStore(Builder builder) {
    this.dataSource = builder.dataSource;
    this.tablePrefix = builder.tablePrefix;
    this.initializeSchema = builder.initializeSchema;
    this.leases = builder.leases;
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
    return leases.leaseTime();
  }

  @Override
  public Duration pollInterval() {
    return leases.pollInterval();
  }

  /** Returns the database the started store talks to. */
  Dialect dialect() {
    return state().transactions.dialect();
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * Recognises the database, creates the tables when {@link Builder#initializeSchema} says so,
   * checks them and, on PostgreSQL, starts listening for other schedulers' changes.
   */
  @Override
  public synchronized void start(JobStoreContext context) {
    requireNonNull(context, "context");
    State previous = state;
    if (previous != null && previous.notifications != null) {
      previous.notifications.stop();
    }
    Dialect dialect;
    String lockClause;
    Schema schema;
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData metaData = c.getMetaData();
      dialect = Dialect.detect(metaData);
      lockClause = dialect.lockSkippingLocked(metaData);
      schema = new Schema(dialect, tablePrefix);
      if (Schema.shouldInitialize(initializeSchema, metaData)) {
        schema.createTables(c);
      }
    } catch (SQLException e) {
      throw Transactions.failure(context.alias(), "start", e);
    }
    Sql sql = new Sql(tablePrefix, lockClause);
    schema.checkTables(dataSource, context.alias(), sql);
    String channel = Schema.channel(tablePrefix);
    PostgresNotifications notifications =
        dialect.changeListener(
            dataSource, channel, context.schedulerId(), context.listener(), context.alias());
    Transactions transactions = new Transactions(dataSource, dialect, context.alias());
    JobLoader loader = new JobLoader(context);
    state =
        new State(
            context,
            sql,
            transactions,
            new JobRows(context, sql, transactions, loader, channel),
            new Acquisitions(context, sql, transactions, loader, leases.leaseTime(), runIds),
            new RunLeases(context, sql, transactions, leases.leaseTime(), runIds),
            notifications);
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
      state = current.withoutNotifications();
    }
  }

  @Override
  public void checkAvailable() {
    State s = state();
    s.transactions.inConnection(
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
    state().jobs.addJob(job);
  }

  @Override
  public void addJobs(List<Job> jobs) {
    state().jobs.addJobs(jobs);
  }

  @Override
  public void updateJob(Job job) {
    state().jobs.updateJob(job);
  }

  /** Checks and replaces in one transaction, under the row's lock. */
  @Override
  public boolean replaceJob(Job expected, Job updated) {
    return state().jobs.replaceJob(expected, updated);
  }

  @Override
  public void removeJob(String id) {
    requireNonNull(id, "id");
    state().jobs.removeJob(id);
  }

  @Override
  public void removeAllJobs() {
    state().jobs.removeAllJobs();
  }

  @Override
  public Optional<Job> lookupJob(String id) {
    requireNonNull(id, "id");
    return state().jobs.lookupJob(id);
  }

  @Override
  public List<Job> getAllJobs() {
    return state().jobs.getAllJobs();
  }

  @Override
  public List<UnloadableJob> getUnloadableJobs() {
    return state().jobs.getUnloadableJobs();
  }

  @Override
  public Optional<Instant> nextRunTime() {
    return state().jobs.nextRunTime();
  }

  // ---------------------------------------------------------------- acquire and release

  @Override
  public List<Job> acquireDueJobs(Instant now, int limit) {
    requireArgument(limit > 0, "limit must be greater than 0, but was %s", limit);
    return state().acquisitions.acquireDueJobs(now, limit);
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
    return state().acquisitions.acquireAndClaim(now, limit, decide);
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
    return state().acquisitions.releaseJobs(acquired, updated);
  }

  @Override
  public List<ClaimResult> releaseAndClaim(List<Release> releases, Instant now) {
    return state().acquisitions.releaseAndClaim(releases, now);
  }

  // ---------------------------------------------------------------- run claims

  @Override
  public List<RunClaim> renewLeases(List<RunClaim> claims, Instant now) {
    if (claims.isEmpty()) {
      return List.of();
    }
    return state().leases.renewLeases(claims, now);
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
    return state().leases.completeRuns(claims);
  }

  @Override
  public Optional<RunClaim> claimRun(Job job, Instant runTime, Instant now) {
    requireNonNull(job, "job");
    requireNonNull(runTime, "runTime");
    return state().leases.claimRun(job, runTime, now);
  }

  @Override
  public List<RunClaim> recoverExpiredRuns(Instant now, int limit) {
    requireArgument(limit > 0, "limit must be greater than 0, but was %s", limit);
    return state().leases.recoverExpiredRuns(now, limit);
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
    return state().leases.claimedJob(claim);
  }

  @Override
  public String toString() {
    State s = state;
    return "JdbcJobStore["
        + (s == null ? "not started" : s.context.alias() + ", " + s.transactions.dialect())
        + ", "
        + tablePrefix
        + "*]";
  }

  private State state() {
    State s = state;
    requireState(s != null, "job store %s has not been started", this);
    return s;
  }

  /** What a started store is made of. */
  private record State(
      JobStoreContext context,
      Sql sql,
      Transactions transactions,
      JobRows jobs,
      Acquisitions acquisitions,
      RunLeases leases,
      @Nullable PostgresNotifications notifications) {

    State withoutNotifications() {
      return new State(context, sql, transactions, jobs, acquisitions, leases, null);
    }
  }

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
    private LeaseSettings leases = LeaseSettings.DEFAULTS;

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
      leases = leases.withLeaseTime(leaseTime);
      return this;
    }

    /**
     * Sets the lease time and the poll interval at once.
     *
     * @param leases the settings
     * @return this builder
     */
    public Builder leases(LeaseSettings leases) {
      this.leases = requireNonNull(leases, "leases");
      return this;
    }

    /**
     * Sets how often a scheduler looks into the store when no change was announced (default 10 s).
     *
     * @param pollInterval a positive duration
     * @return this builder
     */
    public Builder pollInterval(Duration pollInterval) {
      leases = leases.withPollInterval(pollInterval);
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
