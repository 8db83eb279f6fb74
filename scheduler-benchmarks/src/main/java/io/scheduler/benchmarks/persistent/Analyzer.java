package io.scheduler.benchmarks.persistent;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the planner statistics of a contender's tables current while a measurement runs, the same
 * for every contender: {@code ANALYZE} of every table in its schema every {@value
 * #INTERVAL_SECONDS} s from a daemon thread of the parent, and once more when the prepare child is
 * done ({@link #analyzeNow()}), so P2 starts with statistics of its 20,000 jobs.
 *
 * <p>This stands in for autovacuum's analyze, which some test servers turn off and which otherwise
 * runs at moments no run controls (its naptime is a minute). Without statistics, PostgreSQL plans
 * equality lookups on freshly filled tables blindly: it picked Quartz's {@code (sched_name,
 * job_group)} index for lookups by job name, scanning every job, which made Quartz ten times slower
 * with 20,000 jobs than with 2,000.
 */
final class Analyzer {

  static final long INTERVAL_SECONDS = 5;

  private final String schema;
  private final Thread thread;

  private Analyzer(String schema) {
    this.schema = schema;
    this.thread = new Thread(this::loop, "analyze-" + schema);
    thread.setDaemon(true);
  }

  /** Analyzes {@code schema}'s tables every {@value #INTERVAL_SECONDS} s until stopped. */
  static Analyzer start(String schema) {
    Analyzer analyzer = new Analyzer(schema);
    analyzer.thread.start();
    return analyzer;
  }

  /** Analyzes the tables now, on the calling thread. */
  void analyzeNow() throws SQLException {
    analyze();
  }

  private void loop() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(INTERVAL_SECONDS * 1_000);
        try {
          analyze();
        } catch (SQLException e) {
          System.err.println("could not analyze schema " + schema + ": " + e);
        }
      }
    } catch (InterruptedException e) {
      // stopped
    }
  }

  private synchronized void analyze() throws SQLException {
    try (Connection connection = DriverManager.getConnection(Database.url())) {
      List<String> tables = new ArrayList<>();
      try (PreparedStatement list =
          connection.prepareStatement("select tablename from pg_tables where schemaname = ?")) {
        list.setString(1, schema);
        try (ResultSet rows = list.executeQuery()) {
          while (rows.next()) {
            tables.add(rows.getString(1));
          }
        }
      }
      try (Statement statement = connection.createStatement()) {
        for (String table : tables) {
          statement.execute("analyze " + schema + ".\"" + table + "\"");
        }
      }
    }
  }

  /** Stops analyzing and waits for a pass in progress. */
  void stop() throws InterruptedException {
    thread.interrupt();
    thread.join(Duration.ofSeconds(30).toMillis());
  }
}
