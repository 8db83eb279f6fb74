package io.scheduler.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.scheduler.SchedulerBuilder;
import io.scheduler.boot.actuate.SchedulerEndpoint.JobDescriptor;
import io.scheduler.boot.actuate.SchedulerEndpoint.JobDetailsDescriptor;
import io.scheduler.boot.actuate.SchedulerEndpoint.SchedulerDescriptor;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskContext;
import io.scheduler.testing.ManualScheduler;
import io.scheduler.testing.MutableClock;
import io.scheduler.trigger.Triggers;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;

/** {@link SchedulerEndpoint}: listing, details with a fire time preview, and the write actions. */
class SchedulerEndpointTest {

  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  MutableClock clock = MutableClock.at(T0, ZoneId.of("Europe/Berlin"));
  JobOutcomeRecorder outcomes = new JobOutcomeRecorder();
  List<String> runs = new ArrayList<>();
  ManualScheduler scheduler;
  SchedulerEndpoint endpoint;

  @BeforeEach
  void start() {
    SchedulerBuilder<ManualScheduler> builder = ManualScheduler.builder(clock);
    outcomes.bindTo(builder);
    scheduler = builder.build();
    scheduler.start();
    endpoint = new SchedulerEndpoint(scheduler, outcomes);
    scheduler.addJob(
        JobSpec.builder()
            .id("report")
            .name("daily report")
            .task(
                (TaskContext context) -> {
                  runs.add("report at " + clock.instant());
                  return null;
                })
            .trigger(Triggers.interval(Duration.ofMinutes(15)))
            .build());
    scheduler.addJob(
        JobSpec.builder()
            .id("failing")
            .task(
                (TaskContext context) -> {
                  throw new IllegalStateException("boom");
                })
            .trigger(Triggers.interval(Duration.ofHours(1)))
            .build());
  }

  @AfterEach
  void stop() {
    scheduler.shutdown();
  }

  @Test
  void listsTheSchedulerAndItsJobs() {
    SchedulerDescriptor descriptor = endpoint.scheduler();

    assertThat(descriptor.state()).isEqualTo("RUNNING");
    assertThat(descriptor.timezone()).isEqualTo("Europe/Berlin");
    assertThat(descriptor.runningInstances()).isEmpty();
    assertThat(descriptor.jobs())
        .extracting(JobDescriptor::id, JobDescriptor::name, JobDescriptor::nextRunTime)
        .containsExactly(
            tuple("report", "daily report", T0.plus(Duration.ofMinutes(15))),
            tuple("failing", "failing", T0.plus(Duration.ofHours(1))));
    JobDescriptor report = descriptor.jobs().get(0);
    assertThat(report.state()).isEqualTo("scheduled");
    assertThat(report.trigger())
        .isEqualTo(scheduler.getJob("report").orElseThrow().trigger().toString());
    assertThat(report.jobStore()).isEqualTo("default");
    assertThat(report.executor()).isEqualTo("default");
    assertThat(report.lastOutcome()).isNull();
  }

  @Test
  void jobsAddedBeforeStartArePending() {
    ManualScheduler stopped = ManualScheduler.builder(clock).build();
    stopped.addJob(
        JobSpec.builder()
            .id("later")
            .task((TaskContext context) -> null)
            .trigger(Triggers.interval(Duration.ofMinutes(1)))
            .build());

    SchedulerDescriptor descriptor = new SchedulerEndpoint(stopped, outcomes).scheduler();

    assertThat(descriptor.state()).isEqualTo("STOPPED");
    assertThat(descriptor.jobs())
        .singleElement()
        .extracting(JobDescriptor::state)
        .isEqualTo("pending");
  }

  @Test
  void describesAJobWithItsNextFireTimes() {
    JobDetailsDescriptor details = endpoint.job("report", 3);

    assertThat(details).isNotNull();
    assertThat(details.nextFireTimes())
        .containsExactly(
            T0.plus(Duration.ofMinutes(15)),
            T0.plus(Duration.ofMinutes(30)),
            T0.plus(Duration.ofMinutes(45)));
    assertThat(details.coalesce()).isEqualTo("LATEST");
    assertThat(details.maxInstances()).isEqualTo(1);
    assertThat(details.misfireGraceTime()).isEqualTo("PT1S");
    assertThat(details.runningInstances()).isZero();
    assertThat(details.taskRef()).isNull();
    assertThat(endpoint.job("report", null).nextFireTimes())
        .hasSize(SchedulerEndpoint.DEFAULT_PREVIEW);
  }

  @Test
  void previewNeverChangesTheJob() {
    endpoint.job("report", SchedulerEndpoint.MAX_PREVIEW);

    assertThat(scheduler.getJob("report").orElseThrow().nextRunTime())
        .contains(T0.plus(Duration.ofMinutes(15)));
    scheduler.advance(Duration.ofMinutes(15));
    assertThat(runs).containsExactly("report at " + T0.plus(Duration.ofMinutes(15)));
  }

  @Test
  void pausedJobPreviewsTheTimesItWouldGetIfResumedNow() {
    scheduler.pauseJob("report");
    clock.advance(Duration.ofMinutes(2));

    JobDetailsDescriptor details = endpoint.job("report", 2);

    assertThat(details.state()).isEqualTo("paused");
    assertThat(details.nextRunTime()).isNull();
    // Issue 14: the interval's grid was anchored when the job was added (T0 + 15 min, + 30 min).
    assertThat(details.nextFireTimes())
        .containsExactly(T0.plus(Duration.ofMinutes(15)), T0.plus(Duration.ofMinutes(30)));
  }

  @Test
  void previewStopsWhenTheTriggerEnds() {
    scheduler.addJob(
        JobSpec.builder()
            .id("once")
            .task((TaskContext context) -> null)
            .trigger(Triggers.date(T0.plus(Duration.ofDays(1)).atZone(clock.getZone())))
            .build());

    assertThat(endpoint.job("once", 10).nextFireTimes())
        .containsExactly(T0.plus(Duration.ofDays(1)));
  }

  @Test
  void unknownJobIsNull() {
    assertThat(endpoint.job("nope", null)).isNull();
    assertThat(endpoint.changeJob("nope", "pause")).isNull();
    assertThat(endpoint.changeJob("nope", "run")).isNull();
    assertThat(endpoint.removeJob("nope")).isNull();
  }

  @Test
  void countOutsideItsRangeIsRejected() {
    assertThatExceptionOfType(InvalidEndpointRequestException.class)
        .isThrownBy(() -> endpoint.job("report", 0))
        .withMessage("count must be between 1 and 100, but was 0");
    assertThatExceptionOfType(InvalidEndpointRequestException.class)
        .isThrownBy(() -> endpoint.job("report", 101));
  }

  @Test
  void pausesAndResumesAJob() {
    JobDescriptor paused = endpoint.changeJob("report", "pause");

    assertThat(paused.state()).isEqualTo("paused");
    assertThat(paused.nextRunTime()).isNull();
    scheduler.advance(Duration.ofMinutes(30));
    assertThat(runs).isEmpty();

    JobDescriptor resumed = endpoint.changeJob("report", "RESUME");

    assertThat(resumed.state()).isEqualTo("scheduled");
    // Issue 14: resume takes the next point of the grid anchored when the job was added.
    assertThat(resumed.nextRunTime()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
  }

  @Test
  void runNowRunsTheJobOnceAndKeepsItsSchedule() {
    clock.advance(Duration.ofMinutes(3));

    JobDescriptor job = endpoint.changeJob("report", "run");

    assertThat(runs).containsExactly("report at " + T0.plus(Duration.ofMinutes(3)));
    assertThat(job.nextRunTime()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
    assertThat(endpoint.job("report", 1).lastOutcome().outcome()).isEqualTo("success");
  }

  @Test
  void runNowOnAPausedJobLeavesItPaused() {
    endpoint.changeJob("report", "pause");
    clock.advance(Duration.ofMinutes(3));

    JobDescriptor job = endpoint.changeJob("report", "run");

    assertThat(runs).containsExactly("report at " + T0.plus(Duration.ofMinutes(3)));
    assertThat(job.state()).isEqualTo(SchedulerEndpoint.PAUSED);
    assertThat(job.nextRunTime()).isNull();
    scheduler.advanceStepwise(Duration.ofHours(1));
    assertThat(runs).hasSize(1);
  }

  @Test
  void lastOutcomeOfAFailedRunNamesTheError() {
    endpoint.changeJob("failing", "run");
    scheduler.runDueJobs();

    JobOutcomeRecorder.JobOutcome outcome = endpoint.job("failing", 1).lastOutcome();

    assertThat(outcome.outcome()).isEqualTo("error");
    assertThat(outcome.error()).isEqualTo("java.lang.IllegalStateException: boom");
    assertThat(outcome.time()).isEqualTo(T0);
    assertThat(outcome.scheduledRunTime()).isEqualTo(T0);
  }

  @Test
  void removesAJob() {
    JobDescriptor removed = endpoint.removeJob("report");

    assertThat(removed.id()).isEqualTo("report");
    assertThat(scheduler.getJob("report")).isEmpty();
    assertThat(endpoint.scheduler().jobs())
        .extracting(JobDescriptor::id)
        .containsExactly("failing");
  }

  @Test
  void unknownActionIsRejected() {
    assertThatExceptionOfType(InvalidEndpointRequestException.class)
        .isThrownBy(() -> endpoint.changeJob("report", "explode"))
        .withMessage("action must be pause, resume or run, but was 'explode'");
    assertThatExceptionOfType(InvalidEndpointRequestException.class)
        .isThrownBy(() -> endpoint.changeState("run"))
        .withMessage("action must be pause or resume, but was 'run'");
  }

  @Test
  void pausesAndResumesTheScheduler() {
    assertThat(endpoint.changeState("pause").state()).isEqualTo("PAUSED");
    scheduler.advance(Duration.ofMinutes(15));
    assertThat(runs).isEmpty();

    assertThat(endpoint.changeState("resume").state()).isEqualTo("RUNNING");
  }

  @Test
  void pausingAStoppedSchedulerIsRejected() {
    scheduler.shutdown();

    assertThatExceptionOfType(InvalidEndpointRequestException.class)
        .isThrownBy(() -> endpoint.changeState("pause"))
        .withMessageContaining("not running");
  }
}
