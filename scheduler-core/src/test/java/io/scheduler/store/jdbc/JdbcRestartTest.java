package io.scheduler.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.event.EventType;
import io.scheduler.event.JobExecuted;
import io.scheduler.event.JobMissed;
import io.scheduler.event.JobRemoved;
import io.scheduler.event.JobSubmitted;
import io.scheduler.event.MaxInstancesReached;
import io.scheduler.event.SchedulerEvent;
import io.scheduler.job.CoalescePolicy;
import io.scheduler.job.Job;
import io.scheduler.job.JobSpec;
import io.scheduler.store.ContractTasks;
import io.scheduler.store.JobStores;
import io.scheduler.testing.ManualScheduler;
import io.scheduler.testing.MutableClock;
import io.scheduler.testing.RecordingListener;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Restart semantics on a settable clock: jobs run for two minutes, the process stops, ten and a
 * half minutes pass, and a new scheduler on the same tables catches up. Every misfire and
 * coalescing decision (and every run after it) must be what the memory store gives for a scheduler
 * that was asleep for the same time.
 */
class JdbcRestartTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
  private static final Duration BEFORE = Duration.ofMinutes(2);
  private static final Duration DOWNTIME = Duration.ofSeconds(630);
  private static final Duration AFTER = Duration.ofMinutes(3);
  private static final EventType[] RECORDED = {
    EventType.JOB_SUBMITTED,
    EventType.JOB_EXECUTED,
    EventType.JOB_MISSED,
    EventType.JOB_REMOVED,
    EventType.JOB_MAX_INSTANCES
  };

  private TestDatabase database;

  /** Shuts down the schedulers, then drops the tables. */
  @AfterEach
  void stop() {
    if (database != null) {
      database.close();
    }
  }

  private static List<JobSpec> jobs() {
    Map<String, Object> everyMinute = Map.of("minutes", 1);
    return List.of(
        spec("latest", "interval", everyMinute, CoalescePolicy.LATEST, null),
        spec("earliest", "interval", everyMinute, CoalescePolicy.EARLIEST, null),
        spec("all", "interval", everyMinute, CoalescePolicy.ALL, null),
        spec(
            "all-grace-150s", "interval", everyMinute, CoalescePolicy.ALL, Duration.ofSeconds(150)),
        spec(
            "latest-grace-20s",
            "interval",
            everyMinute,
            CoalescePolicy.LATEST,
            Duration.ofSeconds(20)),
        spec(
            "cron-every-3-min",
            "cron",
            Map.of("minute", "*/3"),
            CoalescePolicy.ALL,
            Duration.ofMinutes(5)),
        spec(
            "once-missed",
            "date",
            Map.of("run_date", "2026-03-02 09:03:00"),
            CoalescePolicy.LATEST,
            Duration.ofSeconds(1)),
        spec(
            "once-late",
            "date",
            Map.of("run_date", "2026-03-02 09:04:00"),
            CoalescePolicy.LATEST,
            null),
        spec(
            "once-later",
            "date",
            Map.of("run_date", "2026-03-02 09:14:00"),
            CoalescePolicy.LATEST,
            Duration.ofSeconds(1)),
        JobSpec.builder()
            .id("paused")
            .task(ContractTasks.NOOP)
            .trigger("interval", everyMinute)
            .paused()
            .build());
  }

  private static JobSpec spec(
      String id,
      String trigger,
      Map<String, Object> options,
      CoalescePolicy coalesce,
      @Nullable Duration grace) {
    return JobSpec.builder()
        .id(id)
        .task(ContractTasks.NOOP)
        .trigger(trigger, options)
        .coalesce(coalesce)
        .misfireGraceTime(grace)
        .build();
  }

  /** What a memory store does when the scheduler sleeps through the downtime. */
  private static Outcome inMemory() {
    MutableClock clock = MutableClock.at(START, ZONE);
    RecordingListener events = new RecordingListener();
    ManualScheduler scheduler =
        ManualScheduler.builder(clock)
            .jobStore("default", JobStores.memory())
            .listener(events, RECORDED)
            .build();
    scheduler.start();
    jobs().forEach(scheduler::addJob);
    scheduler.advanceStepwise(BEFORE);
    scheduler.advance(DOWNTIME);
    scheduler.advanceStepwise(AFTER);
    Outcome outcome = new Outcome(seen(events), nextRunTimes(scheduler.getJobs()));
    scheduler.shutdown(true);
    return outcome;
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql", "mariadb"})
  void afterDowntimeOverdueJobsMisfireAndCoalesceExactlyAsInMemory(String databaseName) {
    database = TestDatabase.named(databaseName);
    String prefix = database.freshPrefix("restart_");
    database.createTables(prefix);
    MutableClock clock = MutableClock.at(START, ZONE);
    RecordingListener events = new RecordingListener();

    ManualScheduler first = scheduler(clock, prefix, events, "first");
    jobs().forEach(first::addJob);
    first.advanceStepwise(BEFORE);
    first.shutdown(true);
    clock.advance(DOWNTIME);
    ManualScheduler second = scheduler(clock, prefix, events, "second");
    second.runDueJobs();
    second.advanceStepwise(AFTER);

    Outcome expected = inMemory();
    Outcome actual = new Outcome(seen(events), nextRunTimes(second.getJobs()));
    assertThat(actual.events).isEqualTo(expected.events);
    assertThat(actual.nextRunTimes).isEqualTo(expected.nextRunTimes);
    // The decisions themselves, spelled out: ten fire times (08:03 to 08:12 UTC) passed unseen.
    assertThat(runTimes(actual, "executed", "all")).hasSize(2 + 10 + 3);
    assertThat(runTimes(actual, "executed", "latest")).hasSize(2 + 1 + 3);
    assertThat(runTimes(actual, "executed", "earliest"))
        .contains(Instant.parse("2026-03-02T08:03:00Z"))
        .hasSize(2 + 1 + 3);
    assertThat(runTimes(actual, "missed", "all-grace-150s")).hasSize(7);
    assertThat(runTimes(actual, "missed", "latest-grace-20s"))
        .containsExactly(Instant.parse("2026-03-02T08:12:00Z"));
    assertThat(runTimes(actual, "missed", "once-missed"))
        .containsExactly(Instant.parse("2026-03-02T08:03:00Z"));
    assertThat(runTimes(actual, "executed", "once-late"))
        .containsExactly(Instant.parse("2026-03-02T08:04:00Z"));
    assertThat(runTimes(actual, "executed", "once-later"))
        .containsExactly(Instant.parse("2026-03-02T08:14:00Z"));
    assertThat(actual.nextRunTimes).containsEntry("paused", Optional.empty());
    assertThat(database.queryLong("SELECT COUNT(*) FROM " + prefix + "runs"))
        .as("every claimed run completed")
        .isZero();
  }

  private ManualScheduler scheduler(
      MutableClock clock, String prefix, RecordingListener events, String name) {
    ManualScheduler scheduler =
        ManualScheduler.builder(clock)
            .schedulerId(name)
            .jobStore(
                "default",
                JdbcJobStore.builder(database.pool(name, 4))
                    .tablePrefix(prefix)
                    .initializeSchema(InitializeSchema.NEVER)
                    .build())
            .listener(events, RECORDED)
            .build();
    database.closeWith(scheduler, started -> started.shutdown(true));
    scheduler.start();
    return scheduler;
  }

  private static List<Instant> runTimes(Outcome outcome, String kind, String jobId) {
    return outcome.events.stream()
        .filter(seen -> seen.kind.equals(kind) && seen.jobId.equals(jobId))
        .flatMap(seen -> seen.runTimes.stream())
        .toList();
  }

  private static Map<String, Optional<Instant>> nextRunTimes(List<Job> jobs) {
    Map<String, Optional<Instant>> times = new LinkedHashMap<>();
    jobs.stream()
        .sorted(Comparator.comparing(Job::id))
        .forEach(job -> times.put(job.id(), job.nextRunTime()));
    return times;
  }

  /** The events as comparable values, in a canonical order (a pass may order ties either way). */
  private static List<Seen> seen(RecordingListener events) {
    List<Seen> all = new ArrayList<>();
    for (SchedulerEvent event : events.events()) {
      Seen seen = null;
      if (event instanceof JobSubmitted e) {
        seen = new Seen("submitted", e.jobId(), e.scheduledRunTimes());
      } else if (event instanceof JobExecuted e) {
        seen = new Seen("executed", e.jobId(), List.of(e.scheduledRunTime()));
      } else if (event instanceof JobMissed e) {
        seen = new Seen("missed", e.jobId(), List.of(e.scheduledRunTime()));
      } else if (event instanceof JobRemoved e) {
        seen = new Seen("removed", e.jobId(), List.of());
      } else if (event instanceof MaxInstancesReached e) {
        seen = new Seen("max-instances", e.jobId(), e.scheduledRunTimes());
      }
      if (seen != null) {
        all.add(seen);
      }
    }
    all.sort(
        Comparator.comparing(
                (Seen seen) -> seen.runTimes.isEmpty() ? Instant.MAX : seen.runTimes.get(0))
            .thenComparing(seen -> seen.jobId)
            .thenComparing(seen -> seen.kind));
    return all;
  }

  private record Seen(String kind, String jobId, List<Instant> runTimes) {}

  private record Outcome(List<Seen> events, Map<String, Optional<Instant>> nextRunTimes) {}
}
