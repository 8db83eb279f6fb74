package io.scheduler.store.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/** The databases {@link JdbcJobStore} supports, and where their SQL differs. */
enum Dialect {
  POSTGRESQL("PostgreSQL", "postgresql"),
  MYSQL("MySQL", "mysql"),
  MARIADB("MariaDB", "mysql"),
  H2("H2", "h2");

  private final String displayName;
  private final String scriptName;

  Dialect(String displayName, String scriptName) {
    this.displayName = displayName;
    this.scriptName = scriptName;
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

  /**
   * Returns the clause that locks the rows a query returns, skipping rows other transactions hold
   * where the database can: PostgreSQL, MySQL 8.0.1+, MariaDB 10.6+ and H2 (which applies the limit
   * before skipping, so it may return fewer rows: never the same row twice).
   */
  String lockSkippingLocked(DatabaseMetaData metaData) throws SQLException {
    int major = metaData.getDatabaseMajorVersion();
    int minor = metaData.getDatabaseMinorVersion();
    boolean skipLocked =
        switch (this) {
          case POSTGRESQL -> major > 9 || (major == 9 && minor >= 5);
          case MYSQL -> major >= 8;
          case MARIADB -> major > 10 || (major == 10 && minor >= 6);
          case H2 -> true;
        };
    return skipLocked ? " FOR UPDATE SKIP LOCKED" : " FOR UPDATE";
  }

  /** Returns the name of the shipped schema script. */
  String schemaResource() {
    return "schema-" + scriptName + ".sql";
  }

  /** Returns whether a failure means "try the transaction again": a deadlock or lock timeout. */
  static boolean isTransient(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        if ("40001".equals(state) || "40P01".equals(state) || "HYT00".equals(state)) {
          return true;
        }
        // MySQL and MariaDB: lock wait timeout, deadlock
        if (sql.getErrorCode() == 1205 || sql.getErrorCode() == 1213) {
          return true;
        }
      }
    }
    return false;
  }

  /** Returns whether a failure is a duplicate key. */
  static boolean isDuplicateKey(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        if ("23505".equals(state) || sql.getErrorCode() == 1062) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return displayName;
  }
}
