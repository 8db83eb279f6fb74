package io.scheduler.boot.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scheduler.SchedulerBuilder;
import io.scheduler.event.JobLeaseLost;
import io.scheduler.event.JobLoadFailed;
import io.scheduler.event.JobRecovered;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskContext;
import io.scheduler.testing.ManualScheduler;
import io.scheduler.testing.MutableClock;
import io.scheduler.trigger.DateTrigger;
import io.scheduler.trigger.Triggers;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link MicrometerSchedulerListener}: skip counters and the lateness timer. */
class MicrometerSchedulerListenerTest {

  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  MutableClock clock = MutableClock.at(T0, ZoneId.of("Europe/Berlin"));
  SimpleMeterRegistry registry = new SimpleMeterRegistry();
  ManualScheduler scheduler;

  ManualScheduler start(boolean jobTag) {
    SchedulerBuilder<ManualScheduler> builder = ManualScheduler.builder(clock);
    new MicrometerSchedulerListener(registry, jobTag).bindTo(builder);
    scheduler = builder.build();
    scheduler.start();
    return scheduler;
  }

  @AfterEach
  void stop() {
    if (scheduler != null) {
      scheduler.shutdown();
    }
  }

  @Test
  void latenessIsStartTimeMinusScheduledRunTime() {
    start(false);
    scheduler.addJob(
        JobSpec.builder()
            .id("report")
            .task((TaskContext context) -> null)
            .trigger(Triggers.interval(Duration.ofMinutes(5)))
            .misfireGraceTime(null)
            .build());

    scheduler.advance(Duration.ofMinutes(5).plusSeconds(30));

    Timer lateness =
        registry
            .get(MicrometerSchedulerListener.LATENESS)
            .tag("jobstore", "default")
            .tag("executor", "default")
            .timer();
    assertThat(lateness.count()).isEqualTo(1);
    assertThat(lateness.totalTime(TimeUnit.SECONDS)).isEqualTo(30);
    assertThat(lateness.getId().getTag("job")).isNull();
  }

  @Test
  void aRunCenturiesLateIsRecordedAsTheLongestLatenessATimerHolds() {
    start(false);
    Instant longAgo = Instant.parse("1500-01-01T00:00:00Z");
    scheduler.addJob(
        JobSpec.builder()
            .id("ancient")
            .task((TaskContext context) -> null)
            .trigger(DateTrigger.at(longAgo, ZoneId.of("UTC")))
            .misfireGraceTime(null)
            .nextRunTime(longAgo)
            .build());

    scheduler.runDueJobs();

    Timer lateness = registry.get(MicrometerSchedulerListener.LATENESS).timer();
    assertThat(lateness.count()).isEqualTo(1);
    assertThat(lateness.totalTime(TimeUnit.DAYS)).as("292 years").isGreaterThan(106_000);
  }

  @Test
  void jobTagAddsTheJobId() {
    start(true);
    scheduler.addJob(
        JobSpec.builder().id("report").task((TaskContext context) -> null).nextRunTime(T0).build());

    scheduler.runDueJobs();

    assertThat(
            registry.get(MicrometerSchedulerListener.LATENESS).tag("job", "report").timer().count())
        .isEqualTo(1);
  }

  @Test
  void missedRunsAreCounted() {
    start(false);
    scheduler.addJob(
        JobSpec.builder()
            .id("report")
            .task((TaskContext context) -> null)
            .trigger(Triggers.interval(Duration.ofMinutes(1)))
            .misfireGraceTime(Duration.ofSeconds(1))
            .build());

    scheduler.advance(Duration.ofMinutes(1).plusSeconds(30));

    assertThat(
            registry
                .get(MicrometerSchedulerListener.MISSED)
                .tag("jobstore", "default")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(registry.find(MicrometerSchedulerListener.LATENESS).timer()).isNull();
  }

  @Test
  void runsSkippedAtMaxInstancesAreCounted() {
    start(true);
    CompletableFuture<Void> stillRunning = new CompletableFuture<>();
    scheduler.addJob(
        JobSpec.builder()
            .id("slow")
            .task((TaskContext context) -> stillRunning)
            .trigger(Triggers.interval(Duration.ofMinutes(1)))
            .maxInstances(1)
            .build());

    scheduler.advanceStepwise(Duration.ofMinutes(3));
    stillRunning.complete(null);

    assertThat(
            registry
                .get(MicrometerSchedulerListener.MAX_INSTANCES)
                .tag("job", "slow")
                .counter()
                .count())
        .isEqualTo(2);
  }

  @Test
  void sharedStoreEventsAreCounted() {
    MicrometerSchedulerListener listener = new MicrometerSchedulerListener(registry, false);

    listener.onEvent(new JobRecovered("a", "shared", List.of(T0, T0.plusSeconds(60)), T0));
    listener.onEvent(new JobLeaseLost("a", "shared", List.of(), T0));
    listener.onEvent(
        new JobLoadFailed("b", "shared", "job 'b': bad data", new IllegalStateException(), T0));

    assertThat(registry.get(MicrometerSchedulerListener.RECOVERED).counter().count()).isEqualTo(2);
    assertThat(registry.get(MicrometerSchedulerListener.LEASE_LOST).counter().count()).isEqualTo(1);
    assertThat(registry.get(MicrometerSchedulerListener.LOAD_FAILED).counter().count())
        .isEqualTo(1);
  }
}
