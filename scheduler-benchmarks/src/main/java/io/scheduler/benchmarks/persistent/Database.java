package io.scheduler.benchmarks.persistent;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * The PostgreSQL database of the benchmarks: its URL, one schema per contender (dropped and created
 * again before every measurement, dropped after it) and the connection pool every contender gets.
 */
final class Database {

  /** The environment variable with the JDBC URL. */
  static final String URL_VARIABLE = "SCHEDULER_TEST_POSTGRES_URL";

  /** The JDBC URL when {@value #URL_VARIABLE} is not set. */
  static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  /**
   * Connections per pool, for every contender alike: the {@value Contenders#WORKERS} workers, plus
   * the polling, heartbeat or cluster threads each library runs beside them.
   */
  static final int POOL_SIZE = 12;

  private static boolean closed;

  private Database() {}

  /** The JDBC URL: {@value #URL_VARIABLE}, or {@value #DEFAULT_URL}. */
  static String url() {
    String url = System.getenv(URL_VARIABLE);
    return url == null || url.isBlank() ? DEFAULT_URL : url;
  }

  /** The URL with any password masked, and the server's version, for the environment line. */
  static String describe() throws SQLException {
    try (Connection connection = DriverManager.getConnection(url());
        Statement statement = connection.createStatement();
        ResultSet version = statement.executeQuery("show server_version")) {
      version.next();
      return "PostgreSQL "
          + version.getString(1)
          + " at "
          + url().replaceAll("(?i)(password=)[^&]*", "$1***")
          + ", pools of "
          + POOL_SIZE;
    }
  }

  /**
   * Drops {@code schema} with everything in it, and creates it empty.
   *
   * @throws IllegalStateException once {@link #closeAndDrop} ran: the parent is exiting
   */
  static void resetSchema(String schema) throws SQLException {
    synchronized (Database.class) {
      if (closed) {
        throw new IllegalStateException("the benchmark is shutting down");
      }
      try (Connection connection = DriverManager.getConnection(url());
          Statement statement = connection.createStatement()) {
        statement.execute("drop schema if exists " + schema + " cascade");
        statement.execute("create schema " + schema);
      }
    }
  }

  /**
   * Drops the schemas, and refuses to create any from now on; for the parent's exit, which may race
   * a measurement still starting on the main thread (a child then finds no schema to create its
   * tables in, and fails).
   */
  static void closeAndDrop(List<String> schemas) {
    synchronized (Database.class) {
      closed = true;
      for (String schema : schemas) {
        try {
          dropSchema(schema);
        } catch (SQLException e) {
          System.err.println("could not drop schema " + schema + ": " + e);
        }
      }
    }
  }

  /** Drops {@code schema} with everything in it. */
  static void dropSchema(String schema) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url());
        Statement statement = connection.createStatement()) {
      // A child killed mid-transaction may still hold locks for a moment.
      statement.execute("set lock_timeout = '30s'");
      statement.execute("drop schema if exists " + schema + " cascade");
    }
  }

  /**
   * Runs a DDL script: statements separated by semicolons, {@code --} comment lines skipped, and a
   * final {@code COMMIT} skipped (the connection commits each statement).
   */
  static void runScript(DataSource dataSource, String script) throws SQLException {
    StringBuilder withoutComments = new StringBuilder();
    for (String line : script.lines().toList()) {
      if (!line.strip().startsWith("--")) {
        withoutComments.append(line).append('\n');
      }
    }
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      for (String sql : withoutComments.toString().split(";")) {
        String trimmed = sql.strip();
        if (!trimmed.isEmpty() && !trimmed.equalsIgnoreCase("commit")) {
          statement.execute(trimmed);
        }
      }
    }
  }

  /** A pool of {@value #POOL_SIZE} connections whose search path is {@code schema}. */
  static HikariDataSource pool(String schema, String name) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url());
    config.setSchema(schema);
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(POOL_SIZE);
    config.setPoolName(name);
    return new HikariDataSource(config);
  }
}
