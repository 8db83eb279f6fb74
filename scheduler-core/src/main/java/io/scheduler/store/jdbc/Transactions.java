package io.scheduler.store.jdbc;

import io.scheduler.exception.JobStoreException;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a started {@link JdbcJobStore}'s work on connections of its DataSource, in a transaction or
 * in auto-commit mode, retrying what its {@link Dialect} calls transient (deadlocks and lock
 * timeouts), and throws every other database failure as a {@link JobStoreException} naming the
 * store and the operation.
 */
final class Transactions {

  private static final Logger log = LoggerFactory.getLogger(JdbcJobStore.class);
  private static final int MAX_ATTEMPTS = 5;

  private final DataSource dataSource;
  private final Dialect dialect;
  private final String alias;

  Transactions(DataSource dataSource, Dialect dialect, String alias) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.alias = alias;
  }

  Dialect dialect() {
    return dialect;
  }

  /** Runs {@code work} in a transaction (read committed), retrying deadlocks and lock timeouts. */
  <T> T inTransaction(String operation, SqlWork<T> work) {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        boolean autoCommit = c.getAutoCommit();
        try {
          if (autoCommit) {
            c.setAutoCommit(false);
          }
          dialect.beginTransaction(c);
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
        if (attempt < MAX_ATTEMPTS && dialect.isTransient(e)) {
          log.debug("Retrying '{}' in job store '{}'", operation, alias, e);
          continue;
        }
        throw failure(alias, operation, e);
      }
    }
  }

  /** Runs one statement's worth of {@code work} on a connection in auto-commit mode. */
  <T> T inConnection(String operation, SqlWork<T> work) {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        if (!c.getAutoCommit()) {
          c.setAutoCommit(true);
        }
        return work.run(c);
      } catch (SQLException e) {
        if (attempt < MAX_ATTEMPTS && dialect.isTransient(e)) {
          continue;
        }
        throw failure(alias, operation, e);
      }
    }
  }

  /** The exception a database failure of {@code operation} is thrown as. */
  static JobStoreException failure(String alias, String operation, SQLException e) {
    SQLException shown = e;
    if (e instanceof BatchUpdateException && e.getNextException() != null) {
      shown = e.getNextException();
    }
    return new JobStoreException(
        "job store '" + alias + "' could not " + operation + ": " + shown.getMessage(), e);
  }

  /** Work on a connection. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }
}
