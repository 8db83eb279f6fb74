package io.scheduler.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.Scheduler;
import io.scheduler.boot.annotation.ScheduledJob;
import io.scheduler.boot.autoconfigure.SchedulerAutoConfiguration;
import io.scheduler.boot.autoconfigure.SchedulerCustomizer;
import io.scheduler.event.EventType;
import io.scheduler.event.JobEvent;
import io.scheduler.job.Job;
import io.scheduler.testing.MutableClock;
import io.scheduler.testing.RecordingListener;
import io.scheduler.testservers.TestServers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Issue 14: an application on a persistent store is started, an operator pauses a declared job and
 * moves another's next run time, and the application is restarted twice (a new context on the same
 * store each time): pause state and next run times are what they were, and no restart adds or
 * modifies a job. On a file-based H2 database and on PostgreSQL.
 */
class DeclaredJobsRestartIntegrationTest {

  private static final Instant AT_0800 = Instant.parse("2026-03-02T08:00:00Z");

  @Test
  void restartsOnAFileBasedH2DatabaseKeepPauseStateAndNextRunTimes(@TempDir Path directory) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:file:" + directory.resolve("scheduler") + ";DB_CLOSE_DELAY=0");
    restartTwice(dataSource, "scheduler_");
  }

  @Test
  void restartsOnPostgresqlKeepPauseStateAndNextRunTimes() throws SQLException {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(TestServers.postgresUrl());
    String prefix =
        "restart_" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 24, 36) + "_";
    try {
      restartTwice(dataSource, prefix);
    } finally {
      try (Connection c = dataSource.getConnection();
          Statement drop = c.createStatement()) {
        drop.execute("DROP TABLE IF EXISTS " + prefix + "jobs");
        drop.execute("DROP TABLE IF EXISTS " + prefix + "runs");
      }
    }
  }

  private static void restartTwice(DataSource dataSource, String prefix) {
    MutableClock clock = MutableClock.at(AT_0800, TestJobs.BERLIN);
    RecordingListener changes = new RecordingListener();
    Map<String, Optional<Instant>> before;
    try (ConfigurableApplicationContext first = start(dataSource, prefix, clock, changes)) {
      Scheduler scheduler = first.getBean(Scheduler.class);
      assertThat(nextRunTimes(scheduler))
          .containsEntry("reports.hourly", Optional.of(Instant.parse("2026-03-02T09:00:00Z")))
          .containsEntry("every-ten-minutes", Optional.of(Instant.parse("2026-03-02T08:10:00Z")));
      scheduler.pauseJob("reports.hourly");
      scheduler.modifyJob(
          "every-ten-minutes", job -> job.nextRunTime(Instant.parse("2026-03-02T08:45:00Z")));
      before = nextRunTimes(scheduler);
    }
    changes.clear();

    clock.advance(Duration.ofMinutes(3));
    try (ConfigurableApplicationContext second = start(dataSource, prefix, clock, changes)) {
      assertThat(nextRunTimes(second.getBean(Scheduler.class))).isEqualTo(before);
    }
    clock.advance(Duration.ofMinutes(4));
    try (ConfigurableApplicationContext third = start(dataSource, prefix, clock, changes)) {
      Scheduler scheduler = third.getBean(Scheduler.class);
      assertThat(nextRunTimes(scheduler)).isEqualTo(before);
      assertThat(changes.events().stream().map(e -> e.type() + " " + ((JobEvent) e).jobId()))
          .as("no restart adds or modifies a job")
          .isEmpty();
      // The grid fixed at the first start survives: resumed at 08:07, the hourly job runs at 09:00.
      assertThat(scheduler.resumeJob("reports.hourly").orElseThrow().nextRunTime())
          .contains(Instant.parse("2026-03-02T09:00:00Z"));
    }
    assertThat(before)
        .containsEntry("reports.hourly", Optional.empty())
        .containsEntry("every-ten-minutes", Optional.of(Instant.parse("2026-03-02T08:45:00Z")));
  }

  private static ConfigurableApplicationContext start(
      DataSource dataSource, String prefix, MutableClock clock, RecordingListener changes) {
    return new SpringApplicationBuilder(RestartedApplication.class)
        .web(WebApplicationType.NONE)
        .initializers(
            context -> {
              context.getBeanFactory().registerSingleton("dataSource", dataSource);
              context.getBeanFactory().registerSingleton("schedulerClock", clock);
              context
                  .getBeanFactory()
                  .registerSingleton(
                      "recordChanges",
                      (SchedulerCustomizer)
                          builder ->
                              builder.listener(
                                  changes, EventType.JOB_ADDED, EventType.JOB_MODIFIED));
            })
        .properties(
            "scheduler.jobstores.default.type=jdbc",
            "scheduler.jobstores.default.jdbc.table-prefix=" + prefix,
            "scheduler.jdbc.initialize-schema=always",
            "scheduler.jobs.every-ten-minutes.task=bean:reports#tenMinutes",
            "scheduler.jobs.every-ten-minutes.interval=10m")
        .run();
  }

  private static Map<String, Optional<Instant>> nextRunTimes(Scheduler scheduler) {
    Map<String, Optional<Instant>> times = new TreeMap<>();
    for (Job job : scheduler.getJobs()) {
      times.put(job.id(), job.nextRunTime());
    }
    return times;
  }

  /** The application: the scheduler's auto-configuration and a bean with an annotated job. */
  @SpringBootConfiguration(proxyBeanMethods = false)
  @ImportAutoConfiguration(SchedulerAutoConfiguration.class)
  static class RestartedApplication {

    @Bean
    Reports reports() {
      return new Reports();
    }
  }

  /** The jobs' bean. */
  static class Reports {

    @ScheduledJob(interval = "1h")
    void hourly() {}

    void tenMinutes() {}
  }
}
