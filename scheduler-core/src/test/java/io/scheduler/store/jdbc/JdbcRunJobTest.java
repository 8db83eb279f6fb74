package io.scheduler.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.event.EventType;
import io.scheduler.event.MaxInstancesReached;
import io.scheduler.job.JobSpec;
import io.scheduler.testing.ManualScheduler;
import io.scheduler.testing.MutableClock;
import io.scheduler.testing.RecordingListener;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code Scheduler.runJob} on a JDBC store shared by two schedulers: the run is claimed in the
 * store, so {@code maxInstances} holds across both, and the job's schedule and paused state stay.
 */
class JdbcRunJobTest {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  private TestDatabase database;

  @AfterEach
  void stop() {
    HeldRuns.RUNS.forEach(run -> run.complete("done"));
    HeldRuns.RUNS.clear();
    if (database != null) {
      database.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void runNowHoldsMaxInstancesAcrossSchedulersAndKeepsThePausedState(String databaseName) {
    database = TestDatabase.named(databaseName);
    String prefix = database.freshPrefix("runnow_");
    database.createTables(prefix);
    MutableClock clock = MutableClock.at(T0, ZONE);
    RecordingListener eventsA = new RecordingListener();
    RecordingListener eventsB = new RecordingListener();
    ManualScheduler a = scheduler(clock, prefix, "node-a", eventsA);
    ManualScheduler b = scheduler(clock, prefix, "node-b", eventsB);
    a.addJob(
        JobSpec.builder()
            .id("report")
            .task(HeldRuns.HOLD)
            .trigger("interval", Map.of("hours", 1))
            .paused()
            .build());

    assertThat(a.runJob("report")).isTrue();
    assertThat(HeldRuns.RUNS).hasSize(1);
    assertThat(database.queryLong("SELECT COUNT(*) FROM " + prefix + "runs")).isEqualTo(1);

    assertThat(b.runJob("report")).as("node-a runs it: the limit holds across").isFalse();
    assertThat(eventsB.events(MaxInstancesReached.class))
        .extracting(MaxInstancesReached::jobId)
        .containsExactly("report");
    assertThat(HeldRuns.RUNS).hasSize(1);

    HeldRuns.RUNS.get(0).complete("done");
    assertThat(database.queryLong("SELECT COUNT(*) FROM " + prefix + "runs")).isZero();
    assertThat(b.runJob("report")).isTrue();
    assertThat(HeldRuns.RUNS).hasSize(2);
    assertThat(eventsA.types()).contains(EventType.JOB_SUBMITTED, EventType.JOB_EXECUTED);
    assertThat(b.getJob("report").orElseThrow().isPaused()).as("still paused").isTrue();
    assertThat(a.getJob("report").orElseThrow().nextRunTime()).isEmpty();
  }

  private ManualScheduler scheduler(
      MutableClock clock, String prefix, String name, RecordingListener events) {
    ManualScheduler scheduler =
        ManualScheduler.builder(clock)
            .schedulerId(name)
            .jobStore(
                "default",
                JdbcJobStore.builder(database.pool(name, 4))
                    .tablePrefix(prefix)
                    .initializeSchema(InitializeSchema.NEVER)
                    .build())
            .listener(events)
            .build();
    database.closeWith(scheduler, started -> started.shutdown(false));
    scheduler.start();
    return scheduler;
  }
}
