package io.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scheduler.event.EventType;
import io.scheduler.event.JobExecuted;
import io.scheduler.event.JobFailed;
import io.scheduler.event.JobMissed;
import io.scheduler.event.JobSubmitted;
import io.scheduler.event.MaxInstancesReached;
import io.scheduler.event.SchedulerEvent;
import io.scheduler.exception.ConflictingJobIdException;
import io.scheduler.exception.JobNotFoundException;
import io.scheduler.job.CoalescePolicy;
import io.scheduler.job.Job;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskContext;
import io.scheduler.testing.ManualScheduler;
import io.scheduler.testing.MutableClock;
import io.scheduler.testing.RecordingListener;
import io.scheduler.trigger.CronTrigger;
import io.scheduler.trigger.DateTrigger;
import io.scheduler.trigger.IntervalTrigger;
import io.scheduler.trigger.Trigger;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * APScheduler's scheduling semantics (misfire grace, coalescing, instance limits, pause/resume,
 * changes while running, removal, finished triggers, events), driven deterministically through
 * {@link ManualScheduler} and a {@link MutableClock} in Europe/Berlin.
 */
class SchedulerSemanticsTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  MutableClock clock;
  RecordingListener events;
  ManualScheduler scheduler;
  List<Instant> runs;
  // Schedulers a test builds besides the common one; shut down after it, whatever its outcome.
  List<ManualScheduler> others = new ArrayList<>();

  @BeforeEach
  void startScheduler() {
    clock = MutableClock.at(T0, BERLIN);
    events = new RecordingListener();
    scheduler = ManualScheduler.builder(clock).listener(events).build();
    scheduler.start();
    events.clear();
    runs = new ArrayList<>();
  }

  @AfterEach
  void stopScheduler() {
    scheduler.shutdown();
    others.forEach(ManualScheduler::shutdown);
  }

  /** Builds another scheduler, shut down after the test. */
  ManualScheduler another(SchedulerBuilder<ManualScheduler> builder) {
    ManualScheduler other = builder.build();
    others.add(other);
    return other;
  }

  /** Every minute, first at T0 + 1 min (a start date is the first fire time). */
  IntervalTrigger everyMinute() {
    return IntervalTrigger.every(Duration.ofMinutes(1)).withStartDate(minutes(1).atZone(BERLIN));
  }

  JobSpec.Builder recordingJob(String id, Trigger trigger) {
    return JobSpec.builder()
        .id(id)
        .trigger(trigger)
        .task((TaskContext context) -> runs.add(context.scheduledRunTime()));
  }

  Instant minutes(long minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  @Nested
  class MisfireGraceTime {

    @Test
    void aRunExactlyGraceTimeLateStillRuns() {
      scheduler.addJob(recordingJob("job", everyMinute()).build());
      scheduler.advance(Duration.ofSeconds(61));

      assertThat(runs).containsExactly(minutes(1));
      assertThat(events.types())
          .containsExactly(EventType.JOB_ADDED, EventType.JOB_SUBMITTED, EventType.JOB_EXECUTED);
    }

    @Test
    void aRunLaterThanGraceTimeIsMissedWithAnEvent() {
      scheduler.addJob(recordingJob("job", everyMinute()).build());
      scheduler.advance(Duration.ofSeconds(62));

      assertThat(runs).isEmpty();
      assertThat(events.types())
          .containsExactly(EventType.JOB_ADDED, EventType.JOB_SUBMITTED, EventType.JOB_MISSED);
      JobMissed missed = events.events(JobMissed.class).get(0);
      assertThat(missed.jobId()).isEqualTo("job");
      assertThat(missed.jobStore()).isEqualTo("default");
      assertThat(missed.scheduledRunTime()).isEqualTo(minutes(1));
      assertThat(scheduler.getJob("job").orElseThrow().nextRunTime()).contains(minutes(2));
    }

    @Test
    void aLongerGraceTimeLetsALateRunThrough() {
      scheduler.addJob(
          recordingJob("job", everyMinute()).misfireGraceTime(Duration.ofSeconds(30)).build());
      scheduler.advance(Duration.ofSeconds(89));

      assertThat(runs).containsExactly(minutes(1));
    }

    @Test
    void noGraceTimeRunsHoweverLate() {
      scheduler.addJob(recordingJob("job", everyMinute()).misfireGraceTime(null).build());
      scheduler.advance(Duration.ofDays(3));

      assertThat(runs).hasSize(1);
      assertThat(events.events(JobMissed.class)).isEmpty();
    }

    @Test
    void theSchedulerDefaultAppliesToJobsWithoutTheirOwn() {
      ManualScheduler lenient =
          another(
              ManualScheduler.builder(clock)
                  .jobDefaults(
                      io.scheduler.job.JobDefaults.builder()
                          .misfireGraceTime(Duration.ofMinutes(5))
                          .build()));
      lenient.start();
      lenient.addJob(recordingJob("job", everyMinute()).build());
      lenient.advance(Duration.ofMinutes(4));
      lenient.shutdown();

      assertThat(runs).containsExactly(minutes(4));
    }
  }

  @Nested
  class Coalescing {

    @Test
    void coalesceRunsTheLatestOverdueTimeOnce() {
      scheduler.addJob(recordingJob("job", everyMinute()).misfireGraceTime(null).build());
      scheduler.advance(Duration.ofMinutes(10));

      assertThat(runs).containsExactly(minutes(10));
      assertThat(events.events(JobSubmitted.class).get(0).scheduledRunTimes())
          .containsExactly(minutes(10));
      assertThat(scheduler.getJob("job").orElseThrow().nextRunTime()).contains(minutes(11));
    }

    @Test
    void withoutCoalesceEveryOverdueTimeRunsInOrder() {
      scheduler.addJob(
          recordingJob("job", everyMinute()).coalesce(false).misfireGraceTime(null).build());
      scheduler.advance(Duration.ofMinutes(10));

      assertThat(runs)
          .containsExactly(
              minutes(1),
              minutes(2),
              minutes(3),
              minutes(4),
              minutes(5),
              minutes(6),
              minutes(7),
              minutes(8),
              minutes(9),
              minutes(10));
      assertThat(events.events(JobSubmitted.class)).hasSize(1);
      assertThat(events.events(JobExecuted.class)).hasSize(10);
    }

    @Test
    void withoutCoalesceEachOverdueTimeIsCheckedAgainstTheGraceTime() {
      scheduler.addJob(
          recordingJob("job", everyMinute())
              .coalesce(false)
              .misfireGraceTime(Duration.ofSeconds(90))
              .build());
      scheduler.advance(Duration.ofMinutes(10));

      assertThat(runs).containsExactly(minutes(9), minutes(10));
      assertThat(events.events(JobMissed.class))
          .extracting(JobMissed::scheduledRunTime)
          .containsExactly(
              minutes(1),
              minutes(2),
              minutes(3),
              minutes(4),
              minutes(5),
              minutes(6),
              minutes(7),
              minutes(8));
    }

    @Test
    void earliestPolicyRunsTheFirstOverdueTimeOnce() {
      scheduler.addJob(
          recordingJob("job", everyMinute())
              .coalesce(CoalescePolicy.EARLIEST)
              .misfireGraceTime(null)
              .build());
      scheduler.advance(Duration.ofMinutes(10));

      assertThat(runs).containsExactly(minutes(1));
      assertThat(scheduler.getJob("job").orElseThrow().nextRunTime()).contains(minutes(11));
    }

    @Test
    void stepwiseAdvanceRunsEveryTimeOnTime() {
      scheduler.addJob(recordingJob("job", everyMinute()).build());
      scheduler.advanceStepwise(Duration.ofMinutes(5));

      assertThat(runs).containsExactly(minutes(1), minutes(2), minutes(3), minutes(4), minutes(5));
      assertThat(events.events(JobMissed.class)).isEmpty();
    }
  }

  @Nested
  class MaxInstances {

    List<CompletableFuture<String>> running = new ArrayList<>();

    JobSpec.Builder longRunningJob(String id) {
      return JobSpec.builder()
          .id(id)
          .trigger(everyMinute())
          .task(
              (TaskContext context) -> {
                runs.add(context.scheduledRunTime());
                CompletableFuture<String> run = new CompletableFuture<>();
                running.add(run);
                return run;
              });
    }

    @Test
    void aRunIsSkippedWithAnEventWhileTheJobRunsItsMaximum() {
      scheduler.addJob(longRunningJob("job").build());
      scheduler.advanceStepwise(Duration.ofMinutes(2));

      assertThat(runs).containsExactly(minutes(1));
      assertThat(scheduler.runningInstances()).containsEntry("job", 1);
      MaxInstancesReached skipped = events.events(MaxInstancesReached.class).get(0);
      assertThat(skipped.jobId()).isEqualTo("job");
      assertThat(skipped.scheduledRunTimes()).containsExactly(minutes(2));
      assertThat(scheduler.getJob("job").orElseThrow().nextRunTime()).contains(minutes(3));
    }

    @Test
    void theJobRunsAgainOnceTheRunningInstanceCompletes() {
      scheduler.addJob(longRunningJob("job").build());
      scheduler.advanceStepwise(Duration.ofMinutes(2));
      running.get(0).complete("done");
      scheduler.advanceStepwise(Duration.ofMinutes(1));

      assertThat(runs).containsExactly(minutes(1), minutes(3));
      assertThat(events.events(JobExecuted.class))
          .extracting(JobExecuted::returnValue)
          .containsExactly("done");
    }

    @Test
    void aHigherLimitLetsRunsOverlap() {
      scheduler.addJob(longRunningJob("job").maxInstances(2).build());
      scheduler.advanceStepwise(Duration.ofMinutes(3));

      assertThat(runs).containsExactly(minutes(1), minutes(2));
      assertThat(scheduler.runningInstances()).containsEntry("job", 2);
      assertThat(events.events(MaxInstancesReached.class))
          .extracting(event -> event.scheduledRunTimes().get(0))
          .containsExactly(minutes(3));
    }

    @Test
    void anAsynchronousFailureIsAJobErrorWithTheCause() {
      scheduler.addJob(longRunningJob("job").build());
      scheduler.advanceStepwise(Duration.ofMinutes(1));
      running.get(0).completeExceptionally(new IllegalStateException("remote call failed"));

      JobFailed failed = events.events(JobFailed.class).get(0);
      assertThat(failed.exception()).hasMessage("remote call failed");
      assertThat(failed.traceback()).contains("IllegalStateException: remote call failed");
      assertThat(scheduler.runningInstances()).isEmpty();
    }

    @Test
    void modifyingAJobWhileItRunsAffectsOnlyLaterRuns() {
      List<Object> seenArgs = new ArrayList<>();
      scheduler.addJob(
          JobSpec.builder()
              .id("job")
              .trigger(everyMinute())
              .args("v1")
              .maxInstances(2)
              .task(
                  (TaskContext context) -> {
                    seenArgs.add(context.args().get(0));
                    CompletableFuture<String> run = new CompletableFuture<>();
                    running.add(run);
                    return run;
                  })
              .build());
      scheduler.advanceStepwise(Duration.ofMinutes(1));

      Job modified = scheduler.modifyJob("job", job -> job.args("v2").name("renamed"));
      running.get(0).complete("first");
      scheduler.advanceStepwise(Duration.ofMinutes(1));

      assertThat(seenArgs).containsExactly("v1", "v2");
      assertThat(modified.name()).isEqualTo("renamed");
      assertThat(modified.nextRunTime()).contains(minutes(2));
      assertThat(events.types()).contains(EventType.JOB_MODIFIED);
    }

    @Test
    void reschedulingAJobWhileItRunsComputesTheNextRunFromNow() {
      scheduler.addJob(longRunningJob("job").build());
      scheduler.advanceStepwise(Duration.ofMinutes(1));

      Job rescheduled = scheduler.rescheduleJob("job", "cron", Map.of("minute", "*/15"));
      running.get(0).complete("done");

      assertThat(rescheduled.trigger()).isInstanceOf(CronTrigger.class);
      assertThat(rescheduled.nextRunTime()).contains(minutes(15));
      scheduler.advanceStepwise(Duration.ofMinutes(20));
      assertThat(runs).containsExactly(minutes(1), minutes(15));
    }

    @Test
    void removingAJobWhileItRunsLetsTheRunFinishAndStopsLaterRuns() {
      scheduler.addJob(longRunningJob("job").build());
      scheduler.advanceStepwise(Duration.ofMinutes(1));

      scheduler.removeJob("job");
      running.get(0).complete("finished anyway");
      scheduler.advanceStepwise(Duration.ofMinutes(10));

      assertThat(runs).containsExactly(minutes(1));
      assertThat(scheduler.getJob("job")).isEmpty();
      assertThat(scheduler.runningInstances()).isEmpty();
      assertThat(events.types())
          .containsExactly(
              EventType.JOB_ADDED,
              EventType.JOB_SUBMITTED,
              EventType.JOB_REMOVED,
              EventType.JOB_EXECUTED);
    }
  }

  @Nested
  class PauseAndResume {

    @Test
    void aPausedJobDoesNotRunAndResumesAtTheNextPointOfItsGrid() {
      scheduler.addJob(recordingJob("job", IntervalTrigger.every(Duration.ofMinutes(1))).build());
      Job paused = scheduler.pauseJob("job");
      scheduler.advanceStepwise(Duration.ofMinutes(10).plusSeconds(30));

      assertThat(paused.isPaused()).isTrue();
      assertThat(runs).isEmpty();

      // Issue 14: the grid was anchored when the job was added (08:01, 08:02, ...), as in
      // APScheduler; resume takes its next point, not now + interval.
      Job resumed = scheduler.resumeJob("job").orElseThrow();
      assertThat(resumed.nextRunTime()).contains(minutes(11));
      scheduler.advanceStepwise(Duration.ofMinutes(1));
      assertThat(runs).containsExactly(minutes(11));
    }

    @Test
    void resumingAJobWhoseTriggerIsFinishedRemovesIt() {
      scheduler.addJob(
          recordingJob(
                  "job",
                  CronTrigger.parse("*/5 * * * *", BERLIN).withEndDate(minutes(7).atZone(BERLIN)))
              .build());
      scheduler.pauseJob("job");
      scheduler.advance(Duration.ofMinutes(10));

      assertThat(scheduler.resumeJob("job")).isEmpty();
      assertThat(scheduler.getJob("job")).isEmpty();
      assertThat(events.types()).endsWith(EventType.JOB_REMOVED);
    }

    @Test
    void aJobAddedPausedWaitsForResume() {
      Job added = scheduler.addJob(recordingJob("job", everyMinute()).paused().build());
      scheduler.advanceStepwise(Duration.ofMinutes(3));

      assertThat(added.nextRunTime()).isEmpty();
      assertThat(runs).isEmpty();
    }

    @Test
    void pausingTheSchedulerHoldsRunsUntilResumeThenMisfireRulesApply() {
      scheduler.addJob(recordingJob("strict", everyMinute()).build());
      scheduler.addJob(recordingJob("lenient", everyMinute()).misfireGraceTime(null).build());
      events.clear();
      scheduler.pause();
      scheduler.advance(Duration.ofSeconds(330));
      assertThat(runs).isEmpty();

      scheduler.resume();
      scheduler.runDueJobs();

      assertThat(runs).containsExactly(minutes(5));
      assertThat(events.events(JobMissed.class))
          .extracting(JobMissed::jobId)
          .containsExactly("strict");
      assertThat(events.types())
          .startsWith(EventType.SCHEDULER_PAUSED, EventType.SCHEDULER_RESUMED);
    }

    @Test
    void startingPausedRunsNothingUntilResumed() {
      ManualScheduler paused = another(ManualScheduler.builder(clock));
      paused.start(true);
      paused.addJob(recordingJob("job", everyMinute()).misfireGraceTime(null).build());
      paused.advance(Duration.ofMinutes(2));
      assertThat(paused.state()).isEqualTo(SchedulerState.PAUSED);
      assertThat(runs).isEmpty();

      paused.resume();
      paused.runDueJobs();
      paused.shutdown();
      assertThat(runs).containsExactly(minutes(2));
    }
  }

  @Nested
  class FinishedTriggers {

    @Test
    void aDateTriggerJobIsRemovedAfterItsRun() {
      scheduler.addJob(
          recordingJob("once", DateTrigger.at(T0.plusSeconds(30).atZone(BERLIN))).build());
      scheduler.advance(Duration.ofSeconds(30));

      assertThat(runs).containsExactly(T0.plusSeconds(30));
      assertThat(scheduler.getJob("once")).isEmpty();
      assertThat(events.types())
          .containsExactly(
              EventType.JOB_ADDED,
              EventType.JOB_SUBMITTED,
              EventType.JOB_EXECUTED,
              EventType.JOB_REMOVED);
    }

    @Test
    void aJobStopsAtItsTriggersEndDate() {
      scheduler.addJob(
          recordingJob("job", everyMinute().withEndDate(minutes(3).atZone(BERLIN))).build());
      scheduler.advanceStepwise(Duration.ofMinutes(10));

      assertThat(runs).containsExactly(minutes(1), minutes(2), minutes(3));
      assertThat(scheduler.getJobs()).isEmpty();
    }

    @Test
    void aJobWithoutTriggerRunsOnceNow() {
      scheduler.addJob(JobSpec.builder().id("now").task(() -> runs.add(clock.instant())).build());
      scheduler.runDueJobs();

      assertThat(runs).containsExactly(T0);
      assertThat(scheduler.getJob("now")).isEmpty();
    }
  }

  @Nested
  class Failures {

    @Test
    void aTaskExceptionBecomesAJobErrorAndTheJobRunsOn() {
      int[] calls = new int[1];
      scheduler.addJob(
          JobSpec.builder()
              .id("flaky")
              .trigger(everyMinute())
              .task(
                  () -> {
                    if (calls[0]++ == 0) {
                      throw new IOException("disk full");
                    }
                    return "ok";
                  })
              .build());
      scheduler.advanceStepwise(Duration.ofMinutes(2));

      JobFailed failed = events.events(JobFailed.class).get(0);
      assertThat(failed.jobId()).isEqualTo("flaky");
      assertThat(failed.scheduledRunTime()).isEqualTo(minutes(1));
      assertThat(failed.exception()).isInstanceOf(IOException.class).hasMessage("disk full");
      assertThat(failed.traceback())
          .startsWith("java.io.IOException: disk full")
          .contains("SchedulerSemanticsTest");
      assertThat(events.events(JobExecuted.class))
          .extracting(JobExecuted::returnValue)
          .containsExactly("ok");
      assertThat(scheduler.state()).isEqualTo(SchedulerState.RUNNING);
    }

    @Test
    void aThrowingListenerIsIsolated() {
      List<SchedulerEvent> seenByOthers = new ArrayList<>();
      scheduler.addListener(
          event -> {
            throw new IllegalStateException("listener bug");
          });
      scheduler.addListener(seenByOthers::add);
      scheduler.addJob(recordingJob("job", everyMinute()).build());
      scheduler.advanceStepwise(Duration.ofMinutes(1));

      assertThat(runs).containsExactly(minutes(1));
      assertThat(seenByOthers)
          .extracting(SchedulerEvent::type)
          .containsExactly(EventType.JOB_ADDED, EventType.JOB_SUBMITTED, EventType.JOB_EXECUTED);
    }

    @Test
    void anExecutorThatFailsToTakeRunsNeitherStopsTheSchedulerNorKeepsItsJobsHeld() {
      scheduler.addExecutor(
          "broken",
          run -> {
            throw new IllegalStateException("broken executor");
          });
      scheduler.addJob(recordingJob("lost", everyMinute()).executor("broken").build());
      scheduler.addJob(recordingJob("fine", everyMinute()).build());

      scheduler.advanceStepwise(Duration.ofMinutes(2));

      assertThat(runs).containsExactly(minutes(1), minutes(2));
      assertThat(scheduler.runningInstances()).isEmpty();
      assertThat(scheduler.getJob("lost").orElseThrow().nextRunTime()).contains(minutes(3));
    }

    @Test
    void aJobNamingAnUnknownExecutorIsRejected() {
      assertThatThrownBy(
              () -> scheduler.addJob(recordingJob("job", everyMinute()).executor("gpu").build()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'gpu'")
          .hasMessageContaining("[default]");
    }

    @Test
    void aJobNamingAnUnknownStoreIsRejected() {
      assertThatThrownBy(
              () -> scheduler.addJob(recordingJob("job", everyMinute()).jobStore("db").build()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'db'");
    }

    @Test
    void badTriggerOptionsFailAtAddJobAndStoreNothing() {
      assertThatThrownBy(
              () ->
                  scheduler.addJob(
                      JobSpec.builder()
                          .id("bad")
                          .task(() -> {})
                          .trigger("cron", Map.of("hour", "25"))
                          .build()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("hour");
      assertThat(scheduler.getJobs()).isEmpty();
    }

    @Test
    void aDuplicateIdIsRejectedUnlessReplacing() {
      scheduler.addJob(recordingJob("job", everyMinute()).build());

      assertThatThrownBy(() -> scheduler.addJob(recordingJob("job", everyMinute()).build()))
          .isInstanceOf(ConflictingJobIdException.class)
          .hasMessageContaining("'job'");
      Job replaced =
          scheduler.addJob(
              recordingJob("job", everyMinute()).name("second").replaceExisting(true).build());
      assertThat(scheduler.getJob("job").orElseThrow()).isSameAs(replaced);
    }

    @Test
    void unknownJobIdsRaiseJobNotFound() {
      assertThatThrownBy(() -> scheduler.removeJob("ghost"))
          .isInstanceOf(JobNotFoundException.class)
          .hasMessageContaining("'ghost'");
      assertThatThrownBy(() -> scheduler.pauseJob("ghost"))
          .isInstanceOf(JobNotFoundException.class);
      assertThatThrownBy(() -> scheduler.modifyJob("ghost", job -> job.name("x")))
          .isInstanceOf(JobNotFoundException.class);
    }

    @Test
    void theIdAndStoreOfAJobCannotBeModified() {
      scheduler.addJob(recordingJob("job", everyMinute()).build());

      assertThatThrownBy(() -> scheduler.modifyJob("job", job -> job.id("other")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("id cannot be changed");
      assertThatThrownBy(() -> scheduler.modifyJob("job", job -> job.jobStore("other")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("jobStore cannot be changed");
    }
  }

  @Nested
  class EventsAndLifecycle {

    @Test
    void eventsArriveInOrderThroughALifecycle() {
      RecordingListener all = new RecordingListener();
      ManualScheduler fresh = another(ManualScheduler.builder(clock).listener(all));
      fresh.addJob(recordingJob("job", everyMinute()).build());
      fresh.start();
      fresh.advanceStepwise(Duration.ofMinutes(1));
      fresh.pause();
      fresh.resume();
      fresh.removeJob("job");
      fresh.shutdown();

      assertThat(all.types())
          .containsExactly(
              EventType.EXECUTOR_ADDED,
              EventType.JOBSTORE_ADDED,
              EventType.JOB_ADDED,
              EventType.SCHEDULER_STARTED,
              EventType.JOB_SUBMITTED,
              EventType.JOB_EXECUTED,
              EventType.SCHEDULER_PAUSED,
              EventType.SCHEDULER_RESUMED,
              EventType.JOB_REMOVED,
              EventType.SCHEDULER_SHUTDOWN);
    }

    @Test
    void listenersReceiveOnlyTheTypesTheyAskedFor() {
      RecordingListener executedOnly = new RecordingListener();
      scheduler.addListener(executedOnly, EventType.JOB_EXECUTED, EventType.JOB_MISSED);
      scheduler.addJob(recordingJob("job", everyMinute()).build());
      scheduler.advanceStepwise(Duration.ofMinutes(2));
      scheduler.removeListener(executedOnly);
      scheduler.advanceStepwise(Duration.ofMinutes(2));

      assertThat(executedOnly.types())
          .containsExactly(EventType.JOB_EXECUTED, EventType.JOB_EXECUTED);
    }

    @Test
    void jobsAddedBeforeStartArePendingAndTakeTheNextPointOfTheirGridAtStart() {
      ManualScheduler fresh = another(ManualScheduler.builder(clock));
      Job pending =
          fresh.addJob(recordingJob("job", IntervalTrigger.every(Duration.ofMinutes(10))).build());
      clock.advance(Duration.ofMinutes(3));

      assertThat(pending.nextRunTime()).isEmpty();
      assertThat(fresh.getJobs()).extracting(Job::id).containsExactly("job");
      StringBuilder listing = new StringBuilder();
      fresh.printJobs(listing);
      assertThat(listing.toString())
          .isEqualTo("Pending jobs:\n    job (trigger: interval[0:10:00], pending)\n");

      // Issue 14: the grid was anchored when the job was added (08:10, 08:20, ...), as in
      // APScheduler, so a start at 08:03 takes its next point.
      fresh.start();
      assertThat(fresh.getJob("job").orElseThrow().nextRunTime()).contains(minutes(10));
      fresh.shutdown();
    }

    @Test
    void printJobsListsEveryStore() {
      scheduler.addJobStore("other", io.scheduler.store.JobStores.memory());
      scheduler.addJob(recordingJob("job", everyMinute()).name("Report").build());
      StringBuilder listing = new StringBuilder();
      scheduler.printJobs(listing);

      assertThat(listing.toString())
          .isEqualTo(
              "Jobstore default:\n"
                  + "    job (name: Report, trigger: interval[0:01:00], next run at:"
                  + " 2026-03-02T08:01:00Z)\n"
                  + "Jobstore other:\n"
                  + "    No scheduled jobs\n");
    }

    @Test
    void triggersGivenByAliasUseTheSchedulersZone() {
      Job job =
          scheduler.addJob(
              JobSpec.builder()
                  .id("nine")
                  .task(() -> {})
                  .trigger("cron", Map.of("hour", 9))
                  .build());

      assertThat(job.nextRunTime())
          .contains(ZonedDateTime.parse("2026-03-02T09:00:00+01:00[Europe/Berlin]").toInstant());
    }

    @Test
    void anExplicitNextRunTimeOverridesTheTriggersFirstTime() {
      Job job =
          scheduler.addJob(
              recordingJob("job", everyMinute()).nextRunTime(T0.plusSeconds(5)).build());
      scheduler.advanceStepwise(Duration.ofSeconds(65));

      // Issue 14: after the off-grid run the next is that run + the interval, as in APScheduler.
      assertThat(job.nextRunTime()).contains(T0.plusSeconds(5));
      assertThat(runs).containsExactly(T0.plusSeconds(5), T0.plusSeconds(65));
    }

    @Test
    void removeAllJobsClearsEveryStoreWithOneEvent() {
      scheduler.addJobStore("other", io.scheduler.store.JobStores.memory());
      scheduler.addJob(recordingJob("a", everyMinute()).build());
      scheduler.addJob(recordingJob("b", everyMinute()).jobStore("other").build());
      events.clear();
      scheduler.removeAllJobs();

      assertThat(scheduler.getJobs()).isEmpty();
      assertThat(events.types()).containsExactly(EventType.ALL_JOBS_REMOVED);
    }

    @Test
    void startingTwiceIsAnErrorAndShutdownIsIdempotent() {
      assertThatThrownBy(() -> scheduler.start())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already running");
      scheduler.shutdown();
      scheduler.shutdown(false);
      assertThat(scheduler.state()).isEqualTo(SchedulerState.STOPPED);
      assertThatThrownBy(() -> scheduler.pause())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("not running");
    }

    @Test
    void aStoppedSchedulerCanStartAgain() {
      scheduler.shutdown();
      scheduler.addJob(recordingJob("job", everyMinute()).build());
      scheduler.start();
      scheduler.advanceStepwise(Duration.ofMinutes(1));

      assertThat(runs).containsExactly(minutes(1));
    }
  }
}
