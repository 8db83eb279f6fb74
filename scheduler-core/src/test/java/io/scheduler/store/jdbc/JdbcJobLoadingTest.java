package io.scheduler.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scheduler.event.JobExecuted;
import io.scheduler.event.JobLoadFailed;
import io.scheduler.job.JobSpec;
import io.scheduler.store.ContractTasks;
import io.scheduler.store.JobJson;
import io.scheduler.store.StoredTimes;
import io.scheduler.testing.ManualScheduler;
import io.scheduler.testing.MutableClock;
import io.scheduler.testing.RecordingListener;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stored jobs that cannot be loaded, and jobs that cannot be stored, seen from a scheduler: a row
 * whose JSON is corrupt or whose task cannot be resolved raises {@link JobLoadFailed} once per
 * version, naming the job; it is kept untouched, and the other jobs run on. Args without a JSON
 * form are refused by {@code addJob} before anything is stored. On H2 and PostgreSQL.
 */
class JdbcJobLoadingTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

  private TestDatabase database;
  private ManualScheduler scheduler;

  /** Shuts down the scheduler, then drops the tables. */
  @AfterEach
  void stop() {
    if (database != null) {
      database.close();
    }
  }

  private String startScheduler(String databaseName, RecordingListener events) {
    database = TestDatabase.named(databaseName);
    String prefix = database.freshPrefix("loading_");
    database.createTables(prefix);
    MutableClock clock = MutableClock.at(START, ZONE);
    scheduler =
        ManualScheduler.builder(clock)
            .jobStore(
                "default",
                JdbcJobStore.builder(database.pool("node", 4))
                    .tablePrefix(prefix)
                    .initializeSchema(InitializeSchema.NEVER)
                    .build())
            .listener(events)
            .build();
    database.closeWith(scheduler, started -> started.shutdown(true));
    scheduler.start();
    return prefix;
  }

  private long micros(Instant time) {
    return StoredTimes.ceilMicros(time);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void corruptAndUnresolvableJobsAreReportedOnceKeptAndSkipped(String databaseName) {
    RecordingListener events = new RecordingListener();
    String prefix = startScheduler(databaseName, events);
    scheduler.addJob(
        JobSpec.builder()
            .id("healthy")
            .task(ContractTasks.NOOP)
            .trigger("interval", Map.of("minutes", 1))
            .build());
    String unresolvable =
        JobJson.toJson(
                scheduler.addJob(
                    JobSpec.builder()
                        .id("gone")
                        .task(ContractTasks.NOOP)
                        .trigger("interval", Map.of("minutes", 1))
                        .build()))
            .replace(ContractTasks.NOOP, "com.example.Missing::run");
    scheduler.removeJob("gone");
    database.execute(
        "INSERT INTO "
            + prefix
            + "jobs (id, next_run_time, job_data, version) VALUES ('corrupt', "
            + micros(START)
            + ", '{not json', 1)");
    database.execute(
        "INSERT INTO "
            + prefix
            + "jobs (id, next_run_time, job_data, version) VALUES ('gone', "
            + micros(START)
            + ", '"
            + unresolvable
            + "', 7)");

    for (int minute = 1; minute <= 3; minute++) {
      scheduler.advance(Duration.ofMinutes(1));
    }

    assertThat(events.events(JobExecuted.class))
        .extracting(JobExecuted::jobId)
        .containsExactly("healthy", "healthy", "healthy");
    List<JobLoadFailed> failed = events.events(JobLoadFailed.class);
    assertThat(failed)
        .extracting(JobLoadFailed::jobId)
        .containsExactlyInAnyOrder("corrupt", "gone");
    JobLoadFailed corrupt =
        failed.stream().filter(e -> e.jobId().equals("corrupt")).findFirst().get();
    assertThat(corrupt.jobStore()).isEqualTo("default");
    assertThat(corrupt.reason()).contains("job 'corrupt' in job store 'default'", "corrupt data");
    JobLoadFailed gone = failed.stream().filter(e -> e.jobId().equals("gone")).findFirst().get();
    assertThat(gone.reason()).contains("job 'gone'", "com.example.Missing");
    assertThat(scheduler.getJobs()).extracting(job -> job.id()).containsExactly("healthy");
    assertThat(
            database.query(
                "SELECT id, next_run_time, version, acquired_by FROM "
                    + prefix
                    + "jobs WHERE id <> 'healthy' ORDER BY id"))
        .as("the rows are kept untouched")
        .containsExactly(
            Arrays.asList("corrupt", micros(START), 1L, null),
            Arrays.asList("gone", micros(START), 7L, null));
    assertThat(scheduler.runDueJobs())
        .as("the skipped rows do not make the scheduler spin on their past run time")
        .isAfter(scheduler.mutableClock().instant());

    database.execute("UPDATE " + prefix + "jobs SET version = 2 WHERE id = 'corrupt'");
    scheduler.advance(Duration.ofMinutes(1));

    assertThat(events.events(JobLoadFailed.class))
        .as("a changed row is reported again")
        .extracting(JobLoadFailed::jobId)
        .containsExactlyInAnyOrder("corrupt", "gone", "corrupt");
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void argsWithoutAJsonFormAreRefusedBeforeAnythingIsStored(String databaseName) {
    String prefix = startScheduler(databaseName, new RecordingListener());

    assertThatThrownBy(
            () ->
                scheduler.addJob(
                    JobSpec.builder()
                        .id("opaque")
                        .task(JdbcTestTasks.TAKE)
                        .args(new Object())
                        .trigger("interval", Map.of("minutes", 1))
                        .build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("job 'opaque' cannot be stored in a persistent job store")
        .hasMessageContaining("args[0] of type java.lang.Object has no JSON form");
    assertThatThrownBy(
            () ->
                scheduler.addJob(
                    JobSpec.builder()
                        .id("code")
                        .task(() -> {})
                        .trigger("interval", Map.of("minutes", 1))
                        .build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("job 'code'")
        .hasMessageContaining("TaskRef");

    assertThat(database.queryLong("SELECT COUNT(*) FROM " + prefix + "jobs")).isZero();
  }
}
