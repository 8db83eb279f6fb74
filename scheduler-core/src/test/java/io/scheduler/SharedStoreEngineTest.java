package io.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.event.EventType;
import io.scheduler.event.JobLeaseLost;
import io.scheduler.event.JobRecovered;
import io.scheduler.event.JobSubmitted;
import io.scheduler.event.MaxInstancesReached;
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
 * The engine's side of shared stores, against {@link FakeSharedJobStore}: runs are claimed before
 * they are submitted and completed after, the cluster-wide instance limit is the store's, held
 * claims are renewed every third of the lease, lost holds are reported, runs of dead schedulers are
 * re-run as recoveries, and a completion the store missed is recorded later.
 */
class SharedStoreEngineTest {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  MutableClock clock = MutableClock.at(T0, ZONE);
  FakeSharedJobStore store = new FakeSharedJobStore();
  RecordingListener events = new RecordingListener();
  ManualScheduler scheduler;
  List<Instant> runs = new ArrayList<>();
  CompletableFuture<Void> pending = new CompletableFuture<>();

  @BeforeEach
  void start() {
    scheduler =
        ManualScheduler.builder(clock)
            .jobStore("default", store)
            .schedulerId("node-a")
            .listener(events)
            .build();
    scheduler.start();
    events.clear();
  }

  @AfterEach
  void stop() {
    scheduler.shutdown();
  }

  JobSpec.Builder everyMinute(String id) {
    return JobSpec.builder()
        .id(id)
        .trigger(IntervalTrigger.every(Duration.ofMinutes(1)).withStartDate(T0.atZone(ZONE)))
        .task((TaskContext context) -> runs.add(context.scheduledRunTime()));
  }

  /** A job whose runs stay in progress until {@link #pending} completes. */
  JobSpec.Builder longRunning(String id) {
    return JobSpec.builder()
        .id(id)
        .task(
            (TaskContext context) -> {
              runs.add(context.scheduledRunTime());
              return pending;
            });
  }

  @Test
  void aDueRunIsClaimedSubmittedRunAndCompleted() {
    scheduler.addJob(everyMinute("job").build());

    scheduler.runDueJobs();

    assertThat(runs).containsExactly(T0);
    assertThat(events.events(JobSubmitted.class)).hasSize(1);
    assertThat(store.claims()).as("completed after the run").isEmpty();
    assertThat(scheduler.getJob("job").orElseThrow().nextRunTime()).contains(T0.plusSeconds(60));
  }

  @Test
  void theStoresInstanceLimitSkipsARunClaimedElsewhere() {
    scheduler.addJob(everyMinute("job").build());
    store.foreignClaim("job", T0.minusSeconds(60), T0.plusSeconds(30));

    scheduler.runDueJobs();

    assertThat(runs).isEmpty();
    assertThat(events.events(MaxInstancesReached.class))
        .singleElement()
        .satisfies(e -> assertThat(e.scheduledRunTimes()).containsExactly(T0));
    assertThat(scheduler.getJob("job").orElseThrow().nextRunTime()).contains(T0.plusSeconds(60));
  }

  @Test
  void aHeldClaimIsRenewedEveryThirdOfTheLeaseAndCompletedWhenTheRunEnds() {
    scheduler.addJob(longRunning("long").build());
    scheduler.runDueJobs();
    assertThat(store.claims()).hasSize(1);

    clock.advance(FakeSharedJobStore.LEASE.dividedBy(3).minusMillis(1));
    scheduler.runDueJobs();
    assertThat(store.renewals).isZero();
    clock.advance(Duration.ofMillis(1));
    scheduler.runDueJobs();
    assertThat(store.renewals).isEqualTo(1);
    Instant renewedUntil = store.claims().values().iterator().next().leaseUntil;
    assertThat(renewedUntil).isEqualTo(clock.instant().plus(FakeSharedJobStore.LEASE));

    pending.complete(null);
    assertThat(store.claims()).isEmpty();
    assertThat(scheduler.runningInstances()).isEmpty();
  }

  @Test
  void aClaimTakenOverIsReportedOnceAndNotCompleted() {
    scheduler.addJob(longRunning("long").build());
    scheduler.runDueJobs();
    String runId = store.claims().keySet().iterator().next();
    store.takeOver(runId);

    clock.advance(FakeSharedJobStore.LEASE.dividedBy(3));
    scheduler.runDueJobs();
    pending.complete(null);

    assertThat(events.events(JobLeaseLost.class))
        .singleElement()
        .satisfies(e -> assertThat(e.scheduledRunTimes()).containsExactly(T0));
    assertThat(store.claims()).as("the new holder's claim stays").containsKey(runId);
  }

  @Test
  void aReleaseAfterTheAcquisitionWasLostRunsNothing() {
    scheduler.addJob(everyMinute("job").build());
    store.loseAcquisitionOf("job");

    scheduler.runDueJobs();

    assertThat(runs).isEmpty();
    assertThat(events.events(JobLeaseLost.class)).hasSize(1);
    assertThat(events.types()).doesNotContain(EventType.JOB_SUBMITTED);
  }

  @Test
  void anExpiredRunOfADeadSchedulerIsRecoveredAndRunAgain() {
    scheduler.addJob(everyMinute("job").nextRunTime(T0.plusSeconds(3600)).build());
    String runId = store.foreignClaim("job", T0.minusSeconds(60), T0.minusSeconds(1));

    scheduler.runDueJobs();

    assertThat(runs).containsExactly(T0.minusSeconds(60));
    assertThat(events.events(JobRecovered.class))
        .singleElement()
        .satisfies(e -> assertThat(e.scheduledRunTimes()).containsExactly(T0.minusSeconds(60)));
    assertThat(events.types())
        .containsSubsequence(EventType.JOB_RECOVERED, EventType.JOB_SUBMITTED)
        .contains(EventType.JOB_EXECUTED);
    assertThat(store.claims()).doesNotContainKey(runId);
  }

  @Test
  void anExpiredRunOfARemovedJobIsDroppedWithoutRunning() {
    String runId = store.foreignClaim("gone", T0.minusSeconds(60), T0.minusSeconds(1));

    scheduler.runDueJobs();

    assertThat(runs).isEmpty();
    assertThat(store.claims()).doesNotContainKey(runId);
    assertThat(events.types()).doesNotContain(EventType.JOB_RECOVERED);
  }

  @Test
  void aCompletionTheStoreMissedIsRecordedOnALaterPass() {
    scheduler.addJob(everyMinute("job").build());
    store.failingCompletions = 1;

    Instant next = scheduler.runDueJobs();
    assertThat(store.claims()).as("not recorded yet").hasSize(1);
    assertThat(next).isBeforeOrEqualTo(T0.plus(SchedulerBuilder.DEFAULT_JOBSTORE_RETRY_INTERVAL));

    scheduler.runDueJobs();
    assertThat(store.claims()).isEmpty();
  }

  /** Jobs whose runs each stay in progress until their future in {@code ends} completes. */
  void addJobsEndingWith(List<CompletableFuture<Void>> ends) {
    for (int i = 0; i < ends.size(); i++) {
      CompletableFuture<Void> end = ends.get(i);
      scheduler.addJob(JobSpec.builder().id("job-" + i).task((TaskContext context) -> end).build());
    }
    scheduler.runDueJobs();
    assertThat(store.claims()).hasSize(ends.size());
  }

  @Test
  void runsEndingWhileACompletionIsRecordedAreRecordedTogetherRightAfterIt() {
    List<CompletableFuture<Void>> ends =
        List.of(new CompletableFuture<>(), new CompletableFuture<>(), new CompletableFuture<>());
    addJobsEndingWith(ends);
    store.duringNextCompletion =
        () -> {
          ends.get(1).complete(null);
          ends.get(2).complete(null);
        };

    ends.get(0).complete(null);

    assertThat(store.completionBatches).containsExactly(1, 2);
    assertThat(store.claims()).isEmpty();
    assertThat(events.events(JobLeaseLost.class)).isEmpty();
  }

  @Test
  void aRoundThatFailedHalfwayIsRetriedWithoutReportingItsCompletedRunsAsLost() {
    List<CompletableFuture<Void>> ends =
        List.of(new CompletableFuture<>(), new CompletableFuture<>(), new CompletableFuture<>());
    addJobsEndingWith(ends);
    // the first round completes job-0; the second completes job-1, then fails on job-2
    store.failingCompletions = 1;
    store.completionsBeforeFailing = 2;
    store.duringNextCompletion =
        () -> {
          ends.get(1).complete(null);
          ends.get(2).complete(null);
        };

    ends.get(0).complete(null);
    assertThat(store.claims()).as("job-2's claim is left").hasSize(1);
    scheduler.runDueJobs();

    assertThat(store.claims()).isEmpty();
    assertThat(store.completionBatches).containsExactly(1, 2, 2);
    assertThat(events.events(JobLeaseLost.class)).isEmpty();
  }
}
