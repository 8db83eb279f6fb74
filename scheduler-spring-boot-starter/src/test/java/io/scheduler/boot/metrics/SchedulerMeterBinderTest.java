package io.scheduler.boot.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskContext;
import io.scheduler.testing.ManualScheduler;
import io.scheduler.testing.MutableClock;
import io.scheduler.trigger.Triggers;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link SchedulerMeterBinder}: gauges of jobs by state and of runs in progress. */
class SchedulerMeterBinderTest {

  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  MutableClock clock = MutableClock.at(T0, ZoneId.of("Europe/Berlin"));
  SimpleMeterRegistry registry = new SimpleMeterRegistry();
  ManualScheduler scheduler = ManualScheduler.builder(clock).build();
  CompletableFuture<Void> slowRun = new CompletableFuture<>();

  @BeforeEach
  void addJobs() {
    new SchedulerMeterBinder(scheduler).bindTo(registry);
    for (String id : new String[] {"a", "b"}) {
      scheduler.addJob(
          JobSpec.builder()
              .id(id)
              .task((TaskContext context) -> null)
              .trigger(Triggers.interval(Duration.ofMinutes(5)))
              .build());
    }
    scheduler.addJob(
        JobSpec.builder()
            .id("slow")
            .task((TaskContext context) -> slowRun)
            .trigger(Triggers.interval(Duration.ofHours(1)))
            .paused()
            .build());
  }

  @AfterEach
  void stop() {
    slowRun.complete(null);
    scheduler.shutdown();
  }

  @Test
  void jobsArePendingUntilTheSchedulerStarts() {
    assertThat(jobs("pending")).isEqualTo(3);
    assertThat(jobs("scheduled")).isZero();
    assertThat(jobs("paused")).isZero();
  }

  @Test
  void jobsAreCountedByState() {
    scheduler.start();

    assertThat(jobs("scheduled")).isEqualTo(2);
    assertThat(jobs("paused")).isEqualTo(1);
    assertThat(jobs("pending")).isZero();

    scheduler.pauseJob("a");

    assertThat(jobs("scheduled")).isEqualTo(1);
    assertThat(jobs("paused")).isEqualTo(2);
  }

  @Test
  void runningInstancesAreCounted() {
    scheduler.start();
    assertThat(registry.get(SchedulerMeterBinder.RUNNING).gauge().value()).isZero();

    scheduler.modifyJob("slow", builder -> builder.nextRunTime(clock.instant()));
    scheduler.runDueJobs();

    assertThat(registry.get(SchedulerMeterBinder.RUNNING).gauge().value()).isEqualTo(1);
    slowRun.complete(null);
    assertThat(registry.get(SchedulerMeterBinder.RUNNING).gauge().value()).isZero();
  }

  private double jobs(String state) {
    return registry.get(SchedulerMeterBinder.JOBS).tag("state", state).gauge().value();
  }
}
