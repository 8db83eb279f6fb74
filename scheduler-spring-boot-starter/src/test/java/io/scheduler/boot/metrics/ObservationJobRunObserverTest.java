package io.scheduler.boot.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.scheduler.SchedulerBuilder;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskContext;
import io.scheduler.testing.ManualScheduler;
import io.scheduler.testing.MutableClock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link ObservationJobRunObserver}: one {@code scheduler.job.execution} observation per run. */
class ObservationJobRunObserverTest {

  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  MutableClock clock = MutableClock.at(T0, ZoneId.of("Europe/Berlin"));
  TestObservationRegistry registry = TestObservationRegistry.create();
  ManualScheduler scheduler;

  void start(ObservationJobRunObserver observer) {
    SchedulerBuilder<ManualScheduler> builder = ManualScheduler.builder(clock);
    observer.bindTo(builder);
    scheduler = builder.build();
    scheduler.start();
  }

  @AfterEach
  void stop() {
    if (scheduler != null) {
      scheduler.shutdown();
    }
  }

  @Test
  void successfulRunIsObservedWithLowCardinalityKeys() {
    start(new ObservationJobRunObserver(registry));
    scheduler.addJob(
        JobSpec.builder().id("report").task((TaskContext context) -> 42).nextRunTime(T0).build());

    scheduler.runDueJobs();

    TestObservationRegistryAssert.assertThat(registry)
        .hasObservationWithNameEqualTo("scheduler.job.execution")
        .that()
        .hasBeenStarted()
        .hasBeenStopped()
        .hasContextualNameEqualTo("job report")
        .hasLowCardinalityKeyValue("outcome", "success")
        .hasLowCardinalityKeyValue("executor", "default")
        .hasLowCardinalityKeyValue("jobstore", "default")
        .doesNotHaveLowCardinalityKeyValueWithKey("job")
        .hasHighCardinalityKeyValue("job.id", "report")
        .hasHighCardinalityKeyValue("job.name", "report")
        .doesNotHaveError();
    assertThat(registry.getCurrentObservation()).isNull();
  }

  @Test
  void failedRunHasTheErrorOutcome() {
    start(new ObservationJobRunObserver(registry));
    scheduler.addJob(
        JobSpec.builder()
            .id("failing")
            .task(
                (TaskContext context) -> {
                  throw new IllegalStateException("boom");
                })
            .nextRunTime(T0)
            .build());

    scheduler.runDueJobs();

    TestObservationRegistryAssert.assertThat(registry)
        .hasObservationWithNameEqualTo("scheduler.job.execution")
        .that()
        .hasBeenStopped()
        .hasLowCardinalityKeyValue("outcome", "error")
        .assertThatError()
        .hasMessage("boom");
  }

  @Test
  void jobTagAddsTheJobId() {
    start(
        new ObservationJobRunObserver(
            registry, null, new DefaultJobExecutionObservationConvention(true)));
    scheduler.addJob(
        JobSpec.builder().id("report").task((TaskContext context) -> null).nextRunTime(T0).build());

    scheduler.runDueJobs();

    TestObservationRegistryAssert.assertThat(registry)
        .hasObservationWithNameEqualTo("scheduler.job.execution")
        .that()
        .hasLowCardinalityKeyValue("job", "report");
  }

  @Test
  void runIsTheCurrentObservationWhileTheTaskRuns() {
    start(new ObservationJobRunObserver(registry));
    AtomicReference<Observation> current = new AtomicReference<>();
    scheduler.addJob(
        JobSpec.builder()
            .id("report")
            .task(
                (TaskContext context) -> {
                  current.set(registry.getCurrentObservation());
                  return null;
                })
            .nextRunTime(T0)
            .build());

    scheduler.runDueJobs();

    assertThat(current.get()).isNotNull();
    assertThat(current.get().getContext()).isInstanceOf(JobExecutionObservationContext.class);
    assertThat(((JobExecutionObservationContext) current.get().getContext()).getScheduledRunTime())
        .isEqualTo(T0);
  }

  @Test
  void asynchronousRunLeavesNoScopeOnItsThreadAndStopsWhenItsStageCompletes() {
    start(new ObservationJobRunObserver(registry));
    CompletableFuture<String> stage = new CompletableFuture<>();
    scheduler.addJob(
        JobSpec.builder().id("async").task((TaskContext context) -> stage).nextRunTime(T0).build());

    scheduler.runDueJobs();

    assertThat(registry.getCurrentObservation())
        .as("the scope is closed on the running thread when the task returns")
        .isNull();
    TestObservationRegistryAssert.assertThat(registry)
        .hasObservationWithNameEqualTo("scheduler.job.execution")
        .that()
        .hasBeenStarted()
        .isNotStopped();

    stage.complete("done");

    TestObservationRegistryAssert.assertThat(registry)
        .hasObservationWithNameEqualTo("scheduler.job.execution")
        .that()
        .hasBeenStopped()
        .hasLowCardinalityKeyValue("outcome", "success");
    assertThat(registry.getCurrentObservation()).isNull();
  }

  @Test
  void customConventionReplacesTheDefault() {
    JobExecutionObservationConvention custom =
        new JobExecutionObservationConvention() {
          @Override
          public String getName() {
            return "custom.job";
          }
        };
    start(
        new ObservationJobRunObserver(
            registry, custom, new DefaultJobExecutionObservationConvention()));
    scheduler.addJob(
        JobSpec.builder().id("report").task((TaskContext context) -> null).nextRunTime(T0).build());

    scheduler.runDueJobs();

    TestObservationRegistryAssert.assertThat(registry)
        .hasObservationWithNameEqualTo("custom.job")
        .that()
        .hasBeenStopped();
  }
}
