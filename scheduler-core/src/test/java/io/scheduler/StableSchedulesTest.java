package io.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.event.EventType;
import io.scheduler.event.JobSubmitted;
import io.scheduler.job.Job;
import io.scheduler.job.JobSpec;
import io.scheduler.store.ContractTasks;
import io.scheduler.testing.ManualScheduler;
import io.scheduler.testing.MutableClock;
import io.scheduler.testing.RecordingListener;
import io.scheduler.trigger.IntervalTrigger;
import io.scheduler.trigger.TriggerJson;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, "schedules are stable" and "declared jobs reconcile", on the memory store: an interval
 * trigger without a start date is anchored when its job is first stored (resume and a late start
 * take the next grid point); after an off-grid run the next fire is that run plus the interval; a
 * date job runs once; a job added again with {@code replaceExisting} is reconciled, not replaced.
 */
class StableSchedulesTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

  private MutableClock clock;
  private RecordingListener events;
  private ManualScheduler scheduler;

  @BeforeEach
  void createScheduler() {
    clock = MutableClock.at(START, ZONE);
    events = new RecordingListener();
    scheduler = ManualScheduler.builder(clock).listener(events).build();
  }

  private static Instant at(String utcTime) {
    return Instant.parse("2026-03-02T" + utcTime + "Z");
  }

  private List<Instant> submitted(String jobId) {
    return events.events(JobSubmitted.class).stream()
        .filter(e -> e.jobId().equals(jobId))
        .flatMap(e -> e.scheduledRunTimes().stream())
        .toList();
  }

  private static JobSpec.Builder every10Minutes(String id) {
    return JobSpec.builder()
        .id(id)
        .task(ContractTasks.NOOP)
        .trigger("interval", Map.of("minutes", 10));
  }

  @Nested
  class IntervalsWithoutStartDate {

    @Test
    void areAnchoredWhenTheJobIsAddedAndTheAnchorIsStored() {
      scheduler.start();

      Job job = scheduler.addJob(every10Minutes("j").build());

      assertThat(((IntervalTrigger) job.trigger()).startDate())
          .isEqualTo(at("08:10:00").atZone(ZONE));
      assertThat(TriggerJson.toJson(job.trigger())).contains("\"start_date\"");
      assertThat(job.nextRunTime()).contains(at("08:10:00"));
    }

    @Test
    void resumeTakesTheNextGridPoint() {
      scheduler.start();
      scheduler.addJob(every10Minutes("j").build());
      scheduler.advanceStepwise(Duration.ofMinutes(13));
      scheduler.pauseJob("j");
      clock.setInstant(at("08:27:00"));

      Job resumed = scheduler.resumeJob("j").orElseThrow();

      // APScheduler: the grid fixed at creation (08:10, 08:20, ...), not now + 10 min (08:37).
      assertThat(resumed.nextRunTime()).contains(at("08:30:00"));
    }

    @Test
    void aLateStartTakesTheNextGridPointOfTheTimeTheJobWasAdded() {
      scheduler.addJob(every10Minutes("j").build());
      clock.setInstant(at("08:15:00"));

      scheduler.start();

      assertThat(scheduler.getJob("j").orElseThrow().nextRunTime()).contains(at("08:20:00"));
    }

    @Test
    void rescheduleAnchorsTheNewTriggerAtThatTime() {
      scheduler.start();
      scheduler.addJob(every10Minutes("j").build());
      clock.setInstant(at("08:04:00"));

      Job job = scheduler.rescheduleJob("j", "interval", Map.of("minutes", 5));

      assertThat(job.nextRunTime()).contains(at("08:09:00"));
      assertThat(((IntervalTrigger) job.trigger()).startDate())
          .isEqualTo(at("08:09:00").atZone(ZONE));
    }
  }

  @Nested
  class OffGridRuns {

    @Test
    void anIntervalContinuesFromAnExplicitNextRunTime() {
      scheduler.start();
      scheduler.addJob(
          every10Minutes("j")
              .trigger("interval", Map.of("minutes", 10, "start_date", "2026-03-02T08:10:00Z"))
              .nextRunTime(at("08:03:00"))
              .build());

      scheduler.advanceStepwise(Duration.ofMinutes(25));

      // APScheduler: previous fire + interval, not a snap back to the grid (08:10, 08:20).
      assertThat(submitted("j")).containsExactly(at("08:03:00"), at("08:13:00"), at("08:23:00"));
    }

    @Test
    void anIntervalContinuesFromAModifiedNextRunTime() {
      scheduler.start();
      scheduler.addJob(every10Minutes("j").build());
      scheduler.advanceStepwise(Duration.ofMinutes(11));
      scheduler.modifyJob("j", job -> job.nextRunTime(at("08:14:30")));

      scheduler.advanceStepwise(Duration.ofMinutes(14));

      assertThat(submitted("j")).containsExactly(at("08:10:00"), at("08:14:30"), at("08:24:30"));
    }

    @Test
    void aDateJobGivenAnEarlierNextRunTimeRunsOnce() {
      scheduler.start();
      scheduler.addJob(
          JobSpec.builder()
              .id("d")
              .task(ContractTasks.NOOP)
              .trigger("date", Map.of("run_date", "2026-03-02T09:00:00Z"))
              .nextRunTime(at("08:05:00"))
              .build());

      scheduler.advanceStepwise(Duration.ofHours(2));

      assertThat(submitted("d")).containsExactly(at("08:05:00"));
      assertThat(scheduler.getJob("d")).isEmpty();
    }
  }

  @Nested
  class DeclaredJobs {

    private Job declare(UnaryOperator<JobSpec.Builder> definition) {
      return scheduler.addJob(definition.apply(every10Minutes("j")).replaceExisting(true).build());
    }

    private List<EventType> jobChanges() {
      return events.types().stream()
          .filter(type -> type == EventType.JOB_ADDED || type == EventType.JOB_MODIFIED)
          .toList();
    }

    @Test
    void anUnchangedDefinitionKeepsThePauseAndChangesNothing() {
      scheduler.start();
      declare(spec -> spec);
      scheduler.pauseJob("j");
      clock.setInstant(at("08:07:00"));
      events.clear();

      Job job = declare(spec -> spec);

      assertThat(job.isPaused()).isTrue();
      assertThat(scheduler.getJob("j").orElseThrow().isPaused()).isTrue();
      assertThat(events.events()).isEmpty();
    }

    @Test
    void anUnchangedDefinitionKeepsTheNextRunTimeAndTheGrid() {
      scheduler.start();
      declare(spec -> spec);
      clock.setInstant(at("08:07:00"));
      events.clear();

      Job job = declare(spec -> spec);

      assertThat(job.nextRunTime()).contains(at("08:10:00"));
      assertThat(events.events()).isEmpty();
    }

    @Test
    void anExplicitNextRunTimeSetByAnOperatorSurvives() {
      scheduler.start();
      declare(spec -> spec);
      scheduler.modifyJob("j", job -> job.nextRunTime(at("09:00:00")));
      events.clear();

      Job job = declare(spec -> spec);

      assertThat(job.nextRunTime()).contains(at("09:00:00"));
      assertThat(events.events()).isEmpty();
    }

    @Test
    void aChangedTriggerGivesTheNewTriggersNextRunTime() {
      scheduler.start();
      declare(spec -> spec);
      clock.setInstant(at("08:07:00"));
      events.clear();

      Job job = declare(spec -> spec.trigger("cron", Map.of("minute", "*/15")));

      assertThat(job.nextRunTime()).contains(at("08:15:00"));
      assertThat(jobChanges()).containsExactly(EventType.JOB_MODIFIED);
    }

    @Test
    void aChangedTriggerKeepsAPausedJobPaused() {
      scheduler.start();
      declare(spec -> spec);
      scheduler.pauseJob("j");
      events.clear();

      Job job = declare(spec -> spec.trigger("cron", Map.of("minute", "*/15")));

      assertThat(job.isPaused()).isTrue();
      assertThat(job.trigger().toString()).startsWith("cron");
      assertThat(jobChanges()).containsExactly(EventType.JOB_MODIFIED);
    }

    @Test
    void changedOptionsAreUpdatedInPlace() {
      scheduler.start();
      declare(spec -> spec);
      scheduler.pauseJob("j");
      scheduler.resumeJob("j");
      clock.setInstant(at("08:07:00"));
      events.clear();

      Job job = declare(spec -> spec.maxInstances(3).name("renamed"));

      assertThat(job.maxInstances()).isEqualTo(3);
      assertThat(job.name()).isEqualTo("renamed");
      assertThat(job.nextRunTime()).contains(at("08:10:00"));
      assertThat(jobChanges()).containsExactly(EventType.JOB_MODIFIED);
    }

    @Test
    void aDefinitionThatSaysPausedPausesTheJob() {
      scheduler.start();
      declare(spec -> spec);
      events.clear();

      Job job = declare(JobSpec.Builder::paused);

      assertThat(job.isPaused()).isTrue();
      assertThat(jobChanges()).containsExactly(EventType.JOB_MODIFIED);
    }

    @Test
    void aNewDeclaredJobIsAddedWithJobAdded() {
      scheduler.start();

      Job job = declare(spec -> spec);

      assertThat(job.nextRunTime()).contains(at("08:10:00"));
      assertThat(jobChanges()).containsExactly(EventType.JOB_ADDED);
    }
  }
}
