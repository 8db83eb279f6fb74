package io.scheduler.benchmarks.persistent;

import io.scheduler.benchmarks.harness.ContenderInfo;
import java.time.Duration;
import java.util.Locale;
import javax.sql.DataSource;

/** The registry of persistent contenders, by the name used on the command line; in table order. */
enum Contenders implements ContenderInfo {
  SCHEDULER("scheduler") {
    @Override
    Contender create(DataSource dataSource, boolean runsJobs) {
      return new SchedulerContender(dataSource, runsJobs);
    }

    @Override
    void createTables(DataSource dataSource) throws Exception {
      SchedulerContender.createTables(dataSource);
    }
  },
  DB_SCHEDULER_LOCK_AND_FETCH("db-scheduler-lock-and-fetch") {
    @Override
    Contender create(DataSource dataSource, boolean runsJobs) {
      return new DbSchedulerContender(
          dataSource, runsJobs, DbSchedulerContender.Polling.LOCK_AND_FETCH);
    }

    @Override
    void createTables(DataSource dataSource) throws Exception {
      DbSchedulerContender.createTables(dataSource);
    }
  },
  DB_SCHEDULER_FETCH("db-scheduler-fetch") {
    @Override
    Contender create(DataSource dataSource, boolean runsJobs) {
      return new DbSchedulerContender(dataSource, runsJobs, DbSchedulerContender.Polling.FETCH);
    }

    @Override
    void createTables(DataSource dataSource) throws Exception {
      DbSchedulerContender.createTables(dataSource);
    }
  },
  QUARTZ("quartz") {
    @Override
    Contender create(DataSource dataSource, boolean runsJobs) throws Exception {
      return new QuartzJdbcContender(dataSource, runsJobs);
    }

    @Override
    void createTables(DataSource dataSource) throws Exception {
      QuartzJdbcContender.createTables(dataSource);
    }
  },
  ;

  /** Worker threads of every running node. */
  static final int WORKERS = 8;

  /** The longest every running node goes without looking into the database for due jobs. */
  static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

  private final String id;

  Contenders(String id) {
    this.id = id;
  }

  /** The name on the command line and in the tables. */
  @Override
  public String id() {
    return id;
  }

  /** The PostgreSQL schema holding this contender's tables. */
  String schema() {
    return "bench_" + id.replace('-', '_').toLowerCase(Locale.ROOT);
  }

  /**
   * A new node on {@code dataSource}, not started yet.
   *
   * @param runsJobs true for a node that runs jobs, false for a client that only adds them
   */
  abstract Contender create(DataSource dataSource, boolean runsJobs) throws Exception;

  /** Creates the contender's tables in the empty schema {@code dataSource} points to. */
  abstract void createTables(DataSource dataSource) throws Exception;

  /** The contender called {@code id}, or an exception naming the known ones. */
  static Contenders byId(String id) {
    for (Contenders contender : values()) {
      if (contender.id.equals(id)) {
        return contender;
      }
    }
    throw new IllegalArgumentException("unknown contender " + id);
  }
}
