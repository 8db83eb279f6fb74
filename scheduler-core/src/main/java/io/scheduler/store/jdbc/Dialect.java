package io.scheduler.store.jdbc;

import io.scheduler.store.JobStoreListener;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The databases {@link JdbcJobStore} supports, each with what differs on it: whether it can skip
 * locked rows, its schema script, how a transaction starts, how schema creation is serialised,
 * which failures mean "try again" or "duplicate key", and how other schedulers hear of changes.
 */
enum Dialect {
  POSTGRESQL(
      "PostgreSQL",
      "postgresql",
      new Failures(Set.of("40001", "40P01"), Set.of()),
      new Failures(Set.of("23505"), Set.of())) {
    @Override
    boolean skipsLocked(int major, int minor) {
      return major > 9 || (major == 9 && minor >= 5);
    }

    /**
     * One transaction, serialised across processes: concurrent {@code CREATE ... IF NOT EXISTS} can
     * collide in PostgreSQL's catalogs.
     */
    @Override
    void beforeCreatingTables(Connection c, String channel) throws SQLException {
      c.setAutoCommit(false);
      try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
        lock.setLong(1, channel.hashCode());
        lock.execute();
      }
    }

    /**
     * {@code WITH added AS (<insert> RETURNING 1) SELECT pg_notify(?, ?) WHERE EXISTS (SELECT 1
     * FROM added)}: one statement inserts the rows and sends one {@code NOTIFY}, delivered on
     * commit; a failed insert sends nothing.
     */
    @Override
    @Nullable String insertAnnouncing(String insert) {
      return "WITH added AS ("
          + insert
          + " RETURNING 1) SELECT pg_notify(?, ?) WHERE EXISTS (SELECT 1 FROM added)";
    }

    /** {@code unnest} of three arrays, which keeps their order. */
    @Override
    String insertFromArrays(String jobsTable) {
      return "INSERT INTO "
          + jobsTable
          + " (id, next_run_time, job_data, version)"
          + " SELECT id, next_run_time, job_data, 1"
          + " FROM unnest(CAST(? AS VARCHAR[]), CAST(? AS BIGINT[]), CAST(? AS TEXT[]))"
          + " AS batch (id, next_run_time, job_data)";
    }

    /** Sends a {@code NOTIFY}, delivered on commit. */
    @Override
    void announceChange(Connection c, String channel, String schedulerId) throws SQLException {
      try (PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
        notify.setString(1, channel);
        notify.setString(2, schedulerId);
        notify.execute();
      }
    }

    @Override
    @Nullable PostgresNotifications changeListener(
        DataSource dataSource,
        String channel,
        String schedulerId,
        JobStoreListener listener,
        String alias) {
      return new PostgresNotifications(dataSource, channel, schedulerId, listener, alias);
    }
  },

  MYSQL(
      "MySQL",
      "mysql",
      new Failures(Set.of("40001"), Set.of(1205, 1213)),
      new Failures(Set.of(), Set.of(1062))) {
    @Override
    boolean skipsLocked(int major, int minor) {
      return major >= 8;
    }

    @Override
    void beginTransaction(Connection c) throws SQLException {
      readCommitted(c);
    }
  },

  MARIADB(
      "MariaDB",
      "mysql",
      new Failures(Set.of("40001"), Set.of(1205, 1213)),
      new Failures(Set.of(), Set.of(1062))) {
    @Override
    boolean skipsLocked(int major, int minor) {
      return major > 10 || (major == 10 && minor >= 6);
    }

    @Override
    void beginTransaction(Connection c) throws SQLException {
      readCommitted(c);
    }
  },

  /** H2 applies the limit before skipping locked rows, so it may return fewer rows. */
  H2(
      "H2",
      "h2",
      new Failures(Set.of("40001", "HYT00"), Set.of()),
      new Failures(Set.of("23505"), Set.of())) {
    @Override
    boolean skipsLocked(int major, int minor) {
      return true;
    }
  };

  private final String displayName;
  private final String scriptName;
  private final Failures transientFailures;
  private final Failures duplicateKey;

  /**
   * @param transientFailures deadlocks and lock timeouts
   * @param duplicateKey a unique key violated (MySQL's SQL state 23000 covers every constraint)
   */
  Dialect(
      String displayName, String scriptName, Failures transientFailures, Failures duplicateKey) {
    this.displayName = displayName;
    this.scriptName = scriptName;
    this.transientFailures = transientFailures;
    this.duplicateKey = duplicateKey;
  }

  /**
   * Recognises the database a connection talks to.
   *
   * @throws IllegalStateException naming the product when it is not supported
   */
  static Dialect detect(DatabaseMetaData metaData) throws SQLException {
    String product = metaData.getDatabaseProductName();
    String version = metaData.getDatabaseProductVersion();
    String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
    if (name.contains("postgresql")) {
      return POSTGRESQL;
    }
    if (name.contains("mariadb")
        || (name.contains("mysql")
            && version != null
            && version.toLowerCase(Locale.ROOT).contains("mariadb"))) {
      return MARIADB;
    }
    if (name.contains("mysql")) {
      return MYSQL;
    }
    if (name.equals("h2")) {
      return H2;
    }
    throw new IllegalStateException(
        "JdbcJobStore supports PostgreSQL, MySQL, MariaDB and H2, but the DataSource connects to '"
            + product
            + "' (version "
            + version
            + ")");
  }

  /** Whether this version can skip rows other transactions lock ({@code SKIP LOCKED}). */
  abstract boolean skipsLocked(int major, int minor);

  /**
   * Returns the clause that locks the rows a query returns, skipping rows other transactions hold
   * where the database can: PostgreSQL 9.5+, MySQL 8.0.1+, MariaDB 10.6+ and H2; plain {@code FOR
   * UPDATE}, which waits instead, elsewhere.
   */
  final String lockSkippingLocked(DatabaseMetaData metaData) throws SQLException {
    return skipsLocked(metaData.getDatabaseMajorVersion(), metaData.getDatabaseMinorVersion())
        ? " FOR UPDATE SKIP LOCKED"
        : " FOR UPDATE";
  }

  /** Returns the name of the shipped schema script. */
  final String schemaResource() {
    return "schema-" + scriptName + ".sql";
  }

  /** Prepares a connection whose auto-commit was just switched off for a store transaction. */
  void beginTransaction(Connection c) throws SQLException {}

  /** Prepares a connection for running the schema script (whose auto-commit it may switch off). */
  void beforeCreatingTables(Connection c, String channel) throws SQLException {}

  /**
   * Returns {@code insert} (an {@code INSERT} statement) extended to also tell the other schedulers
   * that jobs changed, in the same statement, with two more parameters after the insert's: the
   * channel and this scheduler's id; or null where the database announces nothing.
   */
  @Nullable String insertAnnouncing(String insert) {
    return null;
  }

  /**
   * Returns the {@code INSERT} of jobs into {@code jobsTable} given as three array parameters (ids,
   * next run times in µs, job data), in the columns and version of {@link Sql#insertJob}; or null
   * where the database takes no arrays (rows are then given as values).
   */
  @Nullable String insertFromArrays(String jobsTable) {
    return null;
  }

  /** Tells the other schedulers in the transaction on {@code c} that jobs changed, if it can. */
  void announceChange(Connection c, String channel, String schedulerId) throws SQLException {}

  /** Returns what hears other schedulers' changes, or null: they are found by polling. */
  @Nullable PostgresNotifications changeListener(
      DataSource dataSource,
      String channel,
      String schedulerId,
      JobStoreListener listener,
      String alias) {
    return null;
  }

  /** Returns whether a failure means "try the transaction again": a deadlock or lock timeout. */
  final boolean isTransient(SQLException e) {
    return transientFailures.matches(e);
  }

  /** Returns whether a failure is a duplicate key. */
  final boolean isDuplicateKey(SQLException e) {
    return duplicateKey.matches(e);
  }

  /** InnoDB defaults to repeatable read, whose gap locks would block concurrent inserts. */
  private static void readCommitted(Connection c) throws SQLException {
    try (Statement statement = c.createStatement()) {
      statement.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
    }
  }

  @Override
  public String toString() {
    return displayName;
  }

  /** A kind of failure as a database reports it: by SQL state or by vendor error code. */
  private record Failures(Set<String> states, Set<Integer> errorCodes) {

    /** Whether {@code e} or one of its causes is such a failure. */
    boolean matches(SQLException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SQLException sql
            && (states.contains(String.valueOf(sql.getSQLState()))
                || errorCodes.contains(sql.getErrorCode()))) {
          return true;
        }
      }
      return false;
    }
  }
}
