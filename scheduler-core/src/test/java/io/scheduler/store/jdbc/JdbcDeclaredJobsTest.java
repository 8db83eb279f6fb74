package io.scheduler.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.event.EventType;
import io.scheduler.event.JobEvent;
import io.scheduler.job.Job;
import io.scheduler.job.JobSpec;
import io.scheduler.store.ContractTasks;
import io.scheduler.testing.ManualScheduler;
import io.scheduler.testing.MutableClock;
import io.scheduler.testing.RecordingListener;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14 on a database: jobs declared at every start (as {@code @ScheduledJob} and {@code
 * scheduler.jobs.<id>} are) are reconciled with the stored jobs over restarts, and schedulers
 * starting together on one store do not fight.
 */
class JdbcDeclaredJobsTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
  private static final EventType[] CHANGES = {EventType.JOB_ADDED, EventType.JOB_MODIFIED};

  private TestDatabase database;
  private String prefix;
  private final MutableClock clock = MutableClock.at(START, ZONE);
  private final RecordingListener events = new RecordingListener();

  @AfterEach
  void stop() {
    if (database != null) {
      database.close();
    }
  }

  private void open(String databaseName) {
    database = TestDatabase.named(databaseName);
    prefix = database.freshPrefix("declared_");
    database.createTables(prefix);
  }

  private static Instant at(String utcTime) {
    return Instant.parse("2026-03-02T" + utcTime + "Z");
  }

  private static JobSpec.Builder declared(String id, String trigger, Map<String, Object> options) {
    return JobSpec.builder()
        .id(id)
        .task(ContractTasks.NOOP)
        .trigger(trigger, options)
        .replaceExisting(true);
  }

  private static List<JobSpec> definitions() {
    return List.of(
        declared("interval", "interval", Map.of("minutes", 10)).build(),
        declared("cron", "cron", Map.of("minute", "*/15")).build(),
        declared("paused-by-operator", "interval", Map.of("minutes", 5)).build(),
        declared("moved-by-operator", "interval", Map.of("hours", 1)).build());
  }

  /** A new scheduler on the tables, its declared jobs added before start, as the starter does. */
  private ManualScheduler start(String name, List<JobSpec> definitions) {
    ManualScheduler scheduler =
        ManualScheduler.builder(clock)
            .schedulerId(name)
            .jobStore(
                "default",
                JdbcJobStore.builder(database.pool(name, 4))
                    .tablePrefix(prefix)
                    .initializeSchema(InitializeSchema.NEVER)
                    .build())
            .listener(events, CHANGES)
            .build();
    database.closeWith(scheduler, started -> started.shutdown(true));
    definitions.forEach(scheduler::addJob);
    scheduler.start();
    return scheduler;
  }

  private static Map<String, Optional<Instant>> nextRunTimes(ManualScheduler scheduler) {
    Map<String, Optional<Instant>> times = new TreeMap<>();
    scheduler.getJobs().forEach(job -> times.put(job.id(), job.nextRunTime()));
    return times;
  }

  private List<String> changes() {
    return events.events().stream()
        .map(event -> event.type() + " " + ((JobEvent) event).jobId())
        .toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql", "mariadb"})
  void restartsKeepPauseStateAndNextRunTimes(String databaseName) {
    open(databaseName);
    ManualScheduler first = start("first", definitions());
    first.advanceStepwise(Duration.ofMinutes(12));
    first.pauseJob("paused-by-operator");
    first.modifyJob("moved-by-operator", job -> job.nextRunTime(at("10:30:00")));
    Map<String, Optional<Instant>> before = nextRunTimes(first);
    first.shutdown(true);
    events.clear();

    clock.advance(Duration.ofMinutes(2));
    ManualScheduler second = start("second", definitions());
    Map<String, Optional<Instant>> afterFirstRestart = nextRunTimes(second);
    second.shutdown(true);
    clock.advance(Duration.ofMinutes(1));
    ManualScheduler third = start("third", definitions());

    assertThat(before)
        .containsEntry("interval", Optional.of(at("08:20:00")))
        .containsEntry("cron", Optional.of(at("08:15:00")))
        .containsEntry("paused-by-operator", Optional.empty())
        .containsEntry("moved-by-operator", Optional.of(at("10:30:00")));
    assertThat(afterFirstRestart).isEqualTo(before);
    assertThat(nextRunTimes(third)).isEqualTo(before);
    assertThat(changes()).as("no job added or modified by the restarts").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql", "mariadb"})
  void aChangedDefinitionChangesOnlyWhatItSays(String databaseName) {
    open(databaseName);
    ManualScheduler first = start("first", definitions());
    first.pauseJob("paused-by-operator");
    first.shutdown(true);
    events.clear();
    clock.advance(Duration.ofMinutes(3));

    ManualScheduler second =
        start(
            "second",
            List.of(
                declared("interval", "interval", Map.of("minutes", 20)).build(),
                declared("cron", "cron", Map.of("minute", "*/15")).maxInstances(2).build(),
                declared("paused-by-operator", "interval", Map.of("minutes", 7)).build(),
                declared("moved-by-operator", "interval", Map.of("hours", 1)).paused().build(),
                declared("new", "interval", Map.of("minutes", 1)).build()));

    Map<String, Job> jobs = new TreeMap<>();
    second.getJobs().forEach(job -> jobs.put(job.id(), job));
    assertThat(jobs.get("interval").nextRunTime()).contains(at("08:23:00"));
    assertThat(jobs.get("cron").maxInstances()).isEqualTo(2);
    assertThat(jobs.get("cron").nextRunTime()).as("kept").contains(at("08:00:00"));
    assertThat(jobs.get("paused-by-operator").isPaused()).isTrue();
    assertThat(jobs.get("paused-by-operator").trigger().toString()).contains("0:07:00");
    assertThat(jobs.get("moved-by-operator").isPaused()).isTrue();
    assertThat(jobs.get("new").nextRunTime()).contains(at("08:04:00"));
    assertThat(changes())
        .containsExactlyInAnyOrder(
            "JOB_MODIFIED interval",
            "JOB_MODIFIED cron",
            "JOB_MODIFIED paused-by-operator",
            "JOB_MODIFIED moved-by-operator",
            "JOB_ADDED new");
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql", "mariadb"})
  void schedulersStartingTogetherDoNotFight(String databaseName) throws Exception {
    open(databaseName);
    int schedulers = 4;
    List<ManualScheduler> started = new ArrayList<>();
    for (int i = 0; i < schedulers; i++) {
      started.add(start("node-" + i, List.of()));
    }
    List<JobSpec> v1 = new ArrayList<>();
    List<JobSpec> v2 = new ArrayList<>();
    for (int j = 0; j < 20; j++) {
      v1.add(declared("job-" + j, "interval", Map.of("minutes", 10)).build());
      v2.add(declared("job-" + j, "interval", Map.of("minutes", 10)).maxInstances(2).build());
    }

    declareTogether(started, v1);
    List<String> added = changes();
    events.clear();
    declareTogether(started, v2);
    List<String> modified = changes();
    events.clear();
    declareTogether(started, v2);

    assertThat(added).hasSize(20).allMatch(change -> change.startsWith("JOB_ADDED"));
    assertThat(modified).hasSize(20).allMatch(change -> change.startsWith("JOB_MODIFIED"));
    assertThat(changes()).isEmpty();
    assertThat(started.get(0).getJobs())
        .hasSize(20)
        .allSatisfy(
            job -> {
              assertThat(job.maxInstances()).isEqualTo(2);
              assertThat(job.nextRunTime()).contains(at("08:10:00"));
            });
  }

  /** Every scheduler declares every job at once, as instances starting together do. */
  private static void declareTogether(List<ManualScheduler> schedulers, List<JobSpec> specs)
      throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(schedulers.size());
    try {
      CyclicBarrier barrier = new CyclicBarrier(schedulers.size());
      List<CompletableFuture<Void>> done = new ArrayList<>();
      for (ManualScheduler scheduler : schedulers) {
        done.add(
            CompletableFuture.runAsync(
                () -> {
                  try {
                    barrier.await(30, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                  specs.forEach(scheduler::addJob);
                },
                threads));
      }
      CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    } finally {
      threads.shutdownNow();
    }
  }
}
