package io.scheduler.boot.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scheduler.BackgroundScheduler;
import io.scheduler.Scheduler;
import io.scheduler.executor.JobExecutors;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskContext;
import io.scheduler.testing.ManualScheduler;
import io.scheduler.testing.MutableClock;
import io.scheduler.trigger.Triggers;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What the scheduler logs for operators: jobs named by id, and what a shutdown waits for. */
@ExtendWith(OutputCaptureExtension.class)
class OperationsLoggingTests {

  @Test
  void aFailedRunIsLoggedByJobIdWithItsNameBeside(CapturedOutput output) {
    MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);
    ManualScheduler scheduler = ManualScheduler.builder(clock).build();
    scheduler.start();
    try {
      scheduler.addJob(
          JobSpec.builder()
              .id("broken")
              .name("Nightly cleanup")
              .task(
                  (TaskContext context) -> {
                    throw new IllegalStateException("boom");
                  })
              .trigger(Triggers.interval(Duration.ofHours(1)))
              .build());
      scheduler.runJob("broken");
    } finally {
      scheduler.shutdown();
    }

    assertThat(output)
        .contains(
            "Job \"broken (name: Nightly cleanup, trigger: interval[1:00:00], next run at:"
                + " 2026-03-02T09:00:00Z)\" raised an exception");
  }

  @Test
  void shutdownLogsWhichJobsItWaitsForAndHowLong(CapturedOutput output) throws Exception {
    Scheduler scheduler =
        BackgroundScheduler.builder()
            .executor("default", JobExecutors.threadPool(2))
            .shutdownTimeout(Duration.ofSeconds(20))
            .build();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    scheduler.start();
    scheduler.addJob(
        JobSpec.builder()
            .id("export")
            .task(
                (TaskContext context) -> {
                  started.countDown();
                  release.await();
                  return null;
                })
            .build());
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> shutdown = CompletableFuture.runAsync(() -> scheduler.shutdown(true));
    try {
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(output)
                      .contains(
                          "Shutdown waits up to PT20S for running jobs to finish (instances by"
                              + " job id): {export=1}"));
    } finally {
      release.countDown();
    }
    shutdown.get(10, TimeUnit.SECONDS);
  }
}
