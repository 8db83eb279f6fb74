package io.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scheduler.event.EventType;
import io.scheduler.event.JobExecuted;
import io.scheduler.event.JobFailed;
import io.scheduler.event.JobSubmitted;
import io.scheduler.event.MaxInstancesReached;
import io.scheduler.exception.JobNotFoundException;
import io.scheduler.job.Job;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskContext;
import io.scheduler.testing.ManualScheduler;
import io.scheduler.testing.MutableClock;
import io.scheduler.testing.RecordingListener;
import io.scheduler.trigger.IntervalTrigger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Scheduler.runJob}: one run now, through the job's executor, its instance limit and the
 * usual events, leaving the schedule and the paused state as they were; on the memory store and on
 * a shared store ({@link FakeSharedJobStore}), where the run is claimed in the store.
 */
class RunJobTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  MutableClock clock = MutableClock.at(T0, BERLIN);
  RecordingListener events = new RecordingListener();
  ManualScheduler scheduler;
  List<Instant> runs = new ArrayList<>();
  List<CompletableFuture<String>> held = new ArrayList<>();

  @BeforeEach
  void start() {
    scheduler = ManualScheduler.builder(clock).listener(events).build();
    scheduler.start();
    events.clear();
  }

  @AfterEach
  void stop() {
    scheduler.shutdown();
  }

  JobSpec.Builder everyHour(String id) {
    return JobSpec.builder()
        .id(id)
        .trigger(IntervalTrigger.every(Duration.ofHours(1)))
        .task((TaskContext context) -> runs.add(context.scheduledRunTime()));
  }

  JobSpec.Builder holding(String id) {
    return JobSpec.builder()
        .id(id)
        .trigger(IntervalTrigger.every(Duration.ofHours(1)))
        .task(
            (TaskContext context) -> {
              runs.add(context.scheduledRunTime());
              CompletableFuture<String> run = new CompletableFuture<>();
              held.add(run);
              return run;
            });
  }

  @Test
  void aPausedJobRunsOnceAndStaysPaused() {
    scheduler.addJob(everyHour("report").paused().build());
    clock.advance(Duration.ofMinutes(5));

    assertThat(scheduler.runJob("report")).isTrue();

    assertThat(runs).containsExactly(T0.plus(Duration.ofMinutes(5)));
    Job after = scheduler.getJob("report").orElseThrow();
    assertThat(after.isPaused()).isTrue();
    assertThat(after.nextRunTime()).isEmpty();
    scheduler.advanceStepwise(Duration.ofHours(3));
    assertThat(runs).hasSize(1);
  }

  @Test
  void aScheduledJobKeepsItsNextRunTime() {
    scheduler.addJob(everyHour("report").build());
    Instant next = scheduler.getJob("report").orElseThrow().nextRunTime().orElseThrow();
    clock.advance(Duration.ofMinutes(10));

    scheduler.runJob("report");

    assertThat(runs).containsExactly(T0.plus(Duration.ofMinutes(10)));
    assertThat(scheduler.getJob("report").orElseThrow().nextRunTime()).contains(next);
    scheduler.advanceStepwise(Duration.ofMinutes(50));
    assertThat(runs).containsExactly(T0.plus(Duration.ofMinutes(10)), next);
  }

  @Test
  void theRunIsAnnouncedAndItsOutcomeReported() {
    scheduler.addJob(everyHour("report").build());
    scheduler.addJob(
        JobSpec.builder()
            .id("failing")
            .trigger(IntervalTrigger.every(Duration.ofHours(1)))
            .task(
                (TaskContext context) -> {
                  throw new IllegalStateException("boom");
                })
            .build());
    events.clear();

    scheduler.runJob("report");
    scheduler.runJob("failing");

    assertThat(events.types())
        .containsExactly(
            EventType.JOB_SUBMITTED,
            EventType.JOB_EXECUTED,
            EventType.JOB_SUBMITTED,
            EventType.JOB_ERROR);
    assertThat(events.events(JobSubmitted.class).get(0).scheduledRunTimes()).containsExactly(T0);
    assertThat(events.events(JobExecuted.class).get(0).jobId()).isEqualTo("report");
    assertThat(events.events(JobFailed.class).get(0).exception()).hasMessage("boom");
  }

  @Test
  void maxInstancesRefusesTheRunWithAnEvent() {
    scheduler.addJob(holding("long").build());
    assertThat(scheduler.runJob("long")).isTrue();

    assertThat(scheduler.runJob("long")).isFalse();

    assertThat(runs).hasSize(1);
    MaxInstancesReached refused = events.events(MaxInstancesReached.class).get(0);
    assertThat(refused.jobId()).isEqualTo("long");
    assertThat(refused.scheduledRunTimes()).containsExactly(T0);
    held.get(0).complete("done");
    assertThat(scheduler.runJob("long")).isTrue();
    assertThat(runs).hasSize(2);
  }

  @Test
  void runsWhileTheSchedulerIsPaused() {
    scheduler.addJob(everyHour("report").build());
    scheduler.pause();

    assertThat(scheduler.runJob("report")).isTrue();

    assertThat(runs).containsExactly(T0);
  }

  @Test
  void anUnknownJobIsNotFoundAndAStoppedSchedulerRefuses() {
    assertThatThrownBy(() -> scheduler.runJob("nope"))
        .isInstanceOf(JobNotFoundException.class)
        .hasMessageContaining("'nope'");
    ManualScheduler stopped = ManualScheduler.builder(clock).build();
    stopped.addJob(everyHour("report").build());
    assertThatThrownBy(() -> stopped.runJob("report"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("job 'report' cannot run now: the scheduler is not running");
  }

  @Test
  void onASharedStoreTheRunIsClaimedAndCountsAgainstMaxInstances() {
    FakeSharedJobStore store = new FakeSharedJobStore();
    scheduler.addJobStore("shared", store);
    scheduler.addJob(holding("long").jobStore("shared").paused().build());
    store.foreignClaim("long", T0, T0.plus(FakeSharedJobStore.LEASE));

    assertThat(scheduler.runJob("long")).as("another scheduler runs it").isFalse();
    assertThat(events.events(MaxInstancesReached.class)).hasSize(1);
    store.claims().clear();

    assertThat(scheduler.runJob("long")).isTrue();
    assertThat(store.claims()).hasSize(1);
    assertThat(scheduler.getJob("long").orElseThrow().isPaused()).isTrue();
    held.get(0).complete("done");
    assertThat(store.claims()).as("the claim is completed when the run ends").isEmpty();
  }
}
