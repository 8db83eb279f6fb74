package io.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.scheduler.job.JobRunObserver;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskContext;
import io.scheduler.testing.ManualScheduler;
import io.scheduler.testing.MutableClock;
import io.scheduler.testing.RecordingListener;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link JobRunObserver}: told of each run's start and end, for synchronous and async tasks. */
class JobRunObserverTest {

  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  MutableClock clock = MutableClock.at(T0, ZoneOffset.UTC);
  List<String> seen = new ArrayList<>();
  RecordingListener events = new RecordingListener();
  ManualScheduler scheduler;

  @BeforeEach
  void start() {
    JobRunObserver recording =
        (job, scheduled, startTime) -> {
          seen.add("start " + job.id() + " late " + Duration.between(scheduled, startTime));
          return (result, error) ->
              seen.add(
                  "end "
                      + job.id()
                      + " "
                      + (error != null ? "error " + error.getMessage() : "result " + result));
        };
    JobRunObserver throwing =
        (job, scheduled, startTime) -> {
          throw new IllegalStateException("observer bug");
        };
    scheduler =
        ManualScheduler.builder(clock)
            .runObserver(recording)
            .runObserver(throwing)
            .listener(events)
            .build();
    scheduler.start();
  }

  @AfterEach
  void stop() {
    scheduler.shutdown();
  }

  @Test
  void toldOfStartLatenessAndResult() {
    scheduler.addJob(JobSpec.builder().id("sync").task(() -> 42).nextRunTime(T0).build());
    clock.advance(Duration.ofMillis(300));

    scheduler.runDueJobs();

    assertThat(seen).containsExactly("start sync late PT0.3S", "end sync result 42");
  }

  @Test
  void toldOfFailure() {
    scheduler.addJob(
        JobSpec.builder()
            .id("failing")
            .task(
                (TaskContext context) -> {
                  throw new IllegalArgumentException("boom");
                })
            .build());

    scheduler.runDueJobs();

    assertThat(seen).containsExactly("start failing late PT0S", "end failing error boom");
  }

  @Test
  void asyncRunEndsWhenItsStageCompletes() {
    CompletableFuture<String> stage = new CompletableFuture<>();
    scheduler.addJob(JobSpec.builder().id("async").task(() -> stage).build());

    scheduler.runDueJobs();
    assertThat(seen).containsExactly("start async late PT0S");

    stage.complete("done");
    assertThat(seen).containsExactly("start async late PT0S", "end async result done");
    assertThat(scheduler.runningInstances()).isEmpty();
  }
}
