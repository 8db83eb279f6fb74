package io.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scheduler.event.EventType;
import io.scheduler.executor.JobExecutors;
import io.scheduler.job.JobSpec;
import io.scheduler.testing.MutableClock;
import io.scheduler.testing.RecordingListener;
import io.scheduler.trigger.DateTrigger;
import io.scheduler.trigger.IntervalTrigger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The threaded schedulers: the background thread sleeps without polling and wakes on changes (and
 * on moves of a {@link MutableClock}), the blocking scheduler holds its caller until shutdown, and
 * shutdown waits for running jobs. Latches and thread states, never sleeps; timeouts only guard
 * against hangs.
 */
class BackgroundSchedulerTest {

  static final ZoneId ZONE = ZoneId.of("America/New_York");
  static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");
  static final long GUARD_SECONDS = 10;

  MutableClock clock = MutableClock.at(T0, ZONE);
  Scheduler scheduler;

  @AfterEach
  void shutdown() {
    if (scheduler != null) {
      scheduler.shutdown();
    }
  }

  @Test
  void runsAJobWhenTheClockReachesItsTime() throws InterruptedException {
    scheduler = BackgroundScheduler.builder().clock(clock).build();
    scheduler.start();
    CountDownLatch ran = new CountDownLatch(1);
    scheduler.addJob(
        JobSpec.builder()
            .id("job")
            .task(ran::countDown)
            .trigger(DateTrigger.at(T0.plusSeconds(3600).atZone(ZONE)))
            .build());

    awaitState(Thread.State.TIMED_WAITING);
    assertThat(ran.getCount()).isEqualTo(1);
    clock.advance(Duration.ofHours(1));

    assertThat(ran.await(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void anIdleSchedulerParksWithoutADeadline() {
    scheduler = BackgroundScheduler.builder().clock(clock).threadNamePrefix("idle-").build();
    scheduler.start();

    Thread loop = awaitState(Thread.State.WAITING);
    assertThat(loop.getName()).isEqualTo("idle-main");
    assertThat(loop.isDaemon()).isTrue();
  }

  @Test
  void addingADueJobWakesTheSleepingScheduler() throws InterruptedException {
    scheduler = BackgroundScheduler.builder().clock(clock).build();
    scheduler.start();
    awaitState(Thread.State.WAITING);

    CountDownLatch ran = new CountDownLatch(1);
    AtomicReference<String> thread = new AtomicReference<>();
    scheduler.addJob(
        JobSpec.builder()
            .id("now")
            .task(
                () -> {
                  thread.set(Thread.currentThread().getName());
                  ran.countDown();
                })
            .build());

    assertThat(ran.await(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(thread.get()).startsWith("scheduler-default-");
  }

  @Test
  void resumingAPausedJobWakesTheScheduler() throws InterruptedException {
    scheduler = BackgroundScheduler.builder().clock(clock).build();
    scheduler.start();
    CountDownLatch ran = new CountDownLatch(1);
    scheduler.addJob(
        JobSpec.builder()
            .id("job")
            .task(ran::countDown)
            .trigger(DateTrigger.at(T0.atZone(ZONE)))
            .paused()
            .build());
    awaitState(Thread.State.WAITING);

    scheduler.resumeJob("job");

    assertThat(ran.await(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void shutdownWaitsForRunningJobs() throws InterruptedException {
    scheduler = BackgroundScheduler.builder().clock(clock).build();
    RecordingListener events = new RecordingListener();
    scheduler.addListener(events, EventType.JOB_EXECUTED);
    scheduler.start();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    scheduler.addJob(
        JobSpec.builder()
            .id("slow")
            .task(
                () -> {
                  started.countDown();
                  release.await();
                  return "finished";
                })
            .build());
    assertThat(started.await(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();

    Thread stopper = new Thread(() -> scheduler.shutdown(true));
    stopper.start();
    awaitState(stopper, Thread.State.WAITING, Thread.State.TIMED_WAITING);
    assertThat(stopper.isAlive()).isTrue();
    release.countDown();
    stopper.join(TimeUnit.SECONDS.toMillis(GUARD_SECONDS));

    assertThat(stopper.isAlive()).isFalse();
    assertThat(events.types()).containsExactly(EventType.JOB_EXECUTED);
    assertThat(scheduler.state()).isEqualTo(SchedulerState.STOPPED);
  }

  @Test
  void aJobMayShutDownItsOwnSchedulerWithoutDeadlock() throws InterruptedException {
    scheduler = BackgroundScheduler.builder().clock(clock).build();
    scheduler.start();
    CountDownLatch done = new CountDownLatch(1);
    scheduler.addJob(
        JobSpec.builder()
            .id("stopper")
            .task(
                () -> {
                  scheduler.shutdown(true);
                  done.countDown();
                })
            .build());

    assertThat(done.await(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(scheduler.state()).isEqualTo(SchedulerState.STOPPED);
  }

  @Test
  void anAsynchronousTaskDoesNotHoldItsWorker() throws InterruptedException {
    scheduler =
        BackgroundScheduler.builder()
            .clock(clock)
            .executor("default", JobExecutors.threadPool(1))
            .build();
    scheduler.start();
    CompletableFuture<String> first = new CompletableFuture<>();
    CountDownLatch secondRan = new CountDownLatch(1);
    scheduler.addJob(JobSpec.builder().id("async").task(() -> first).build());
    scheduler.addJob(JobSpec.builder().id("sync").task(secondRan::countDown).build());

    assertThat(secondRan.await(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(scheduler.runningInstances()).containsEntry("async", 1);
    first.complete("done");
    assertThat(scheduler.runningInstances()).doesNotContainKey("async");
  }

  @Test
  void theBlockingSchedulerReturnsFromStartOnlyAfterShutdown() throws InterruptedException {
    BlockingScheduler blocking = BlockingScheduler.builder().clock(clock).build();
    scheduler = blocking;
    blocking.addJob(
        JobSpec.builder()
            .id("tick")
            .trigger(IntervalTrigger.every(Duration.ofMinutes(1)))
            .task(() -> {})
            .build());
    CountDownLatch returned = new CountDownLatch(1);
    Thread caller =
        new Thread(
            () -> {
              blocking.start();
              returned.countDown();
            },
            "blocking-caller");
    caller.start();
    awaitState(caller, Thread.State.TIMED_WAITING);
    assertThat(blocking.state()).isEqualTo(SchedulerState.RUNNING);
    assertThat(returned.getCount()).isEqualTo(1);

    blocking.shutdown();

    assertThat(returned.await(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void flatConfigurationBuildsTheSchedulersParts() throws InterruptedException {
    scheduler =
        BackgroundScheduler.builder()
            .clock(clock)
            .properties(
                Map.of(
                    "scheduler.timezone", "Asia/Tokyo",
                    "scheduler.executors.default.type", "thread-pool",
                    "scheduler.executors.default.max-workers", "2",
                    "scheduler.executors.default.thread-name-prefix", "cfg-",
                    "scheduler.job-defaults.max-instances", "3"))
            .build();
    scheduler.start();
    CountDownLatch ran = new CountDownLatch(1);
    AtomicReference<String> thread = new AtomicReference<>();
    var job =
        scheduler.addJob(
            JobSpec.builder()
                .task(
                    () -> {
                      thread.set(Thread.currentThread().getName());
                      ran.countDown();
                    })
                .build());

    assertThat(ran.await(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(thread.get()).startsWith("cfg-");
    assertThat(scheduler.timezone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(job.maxInstances()).isEqualTo(3);
    assertThat(job.id()).matches("[0-9a-f]{32}");
  }

  @Test
  void startingTwiceFails() {
    scheduler = BackgroundScheduler.builder().clock(clock).build();
    scheduler.start();

    assertThatThrownBy(() -> scheduler.start()).isInstanceOf(IllegalStateException.class);
  }

  private static Thread awaitState(Thread.State... states) {
    Thread loop = schedulerThread();
    awaitState(loop, states);
    return loop;
  }

  private static void awaitState(Thread thread, Thread.State... states) {
    until(
        () -> {
          Thread.State state = thread.getState();
          for (Thread.State wanted : states) {
            if (state == wanted) {
              return true;
            }
          }
          return false;
        });
  }

  private static Thread schedulerThread() {
    AtomicReference<Thread> found = new AtomicReference<>();
    until(
        () -> {
          for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().endsWith("main")
                && thread.getName().contains("-")
                && thread.isDaemon()) {
              found.set(thread);
              return true;
            }
          }
          return false;
        });
    return found.get();
  }

  /** Waits for a condition another thread brings about; the deadline only guards against hangs. */
  private static void until(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not reached in time").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }
}
