package io.scheduler.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskContext;
import io.scheduler.testing.ManualScheduler;
import io.scheduler.testing.MutableClock;
import io.scheduler.trigger.Triggers;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** {@link SchedulerHealthIndicator}: state, store availability and the misfire backlog. */
class SchedulerHealthIndicatorTest {

  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  MutableClock clock = MutableClock.at(T0, ZoneId.of("Europe/Berlin"));
  UnreliableJobStore store = new UnreliableJobStore();
  ManualScheduler scheduler = ManualScheduler.builder(clock).jobStore("default", store).build();

  @AfterEach
  void stop() {
    scheduler.shutdown();
  }

  @Test
  void upWhileRunning() {
    scheduler.start();
    addJob("report", Duration.ofSeconds(10));

    Health health = new SchedulerHealthIndicator(scheduler, Map::of).health();

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails())
        .containsEntry("state", "RUNNING")
        .containsEntry("jobs", 1)
        .containsEntry("misfireBacklog", 0L)
        .containsEntry("runningInstances", 0)
        .doesNotContainKey("stores");
  }

  @Test
  void outOfServiceWhileStopped() {
    Health health = new SchedulerHealthIndicator(scheduler, Map::of).health();

    assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    assertThat(health.getDetails()).containsEntry("state", "STOPPED");
  }

  @Test
  void upWhilePaused() {
    scheduler.start(true);

    Health health = new SchedulerHealthIndicator(scheduler, Map::of).health();

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("state", "PAUSED");
  }

  @Test
  void downWhenACheckedStoreIsUnavailable() {
    scheduler.start();
    store.down = true;

    Health health =
        new SchedulerHealthIndicator(scheduler, () -> Map.of("sharedStore", store)).health();

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails())
        .containsEntry(
            "stores",
            Map.of(
                "sharedStore",
                Map.of(
                    "status",
                    "DOWN",
                    "error",
                    "io.scheduler.exception.JobStoreException: connection refused")));
  }

  @Test
  void downWhenListingTheJobsFails() {
    scheduler.start();
    store.down = true;

    Health health = new SchedulerHealthIndicator(scheduler, Map::of).health();

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails())
        .containsEntry("error", "io.scheduler.exception.JobStoreException: connection refused");
  }

  @Test
  void availableStoresAreListedUp() {
    scheduler.start();

    Health health =
        new SchedulerHealthIndicator(scheduler, () -> Map.of("sharedStore", store)).health();

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails())
        .containsEntry("stores", Map.of("sharedStore", Map.of("status", "UP")));
  }

  @Test
  void misfireBacklogCountsJobsLaterThanTheirGraceTime() {
    scheduler.start();
    addJob("strict", Duration.ofSeconds(10));
    addJob("lenient", Duration.ofMinutes(5));
    addJob("unlimited", null);
    scheduler.pause();

    clock.advance(Duration.ofMinutes(2));
    Health health = new SchedulerHealthIndicator(scheduler, Map::of).health();

    assertThat(health.getDetails()).containsEntry("misfireBacklog", 1L);
  }

  private void addJob(String id, Duration misfireGraceTime) {
    scheduler.addJob(
        JobSpec.builder()
            .id(id)
            .task((TaskContext context) -> null)
            .trigger(Triggers.interval(Duration.ofMinutes(1)))
            .misfireGraceTime(misfireGraceTime)
            .build());
  }
}
