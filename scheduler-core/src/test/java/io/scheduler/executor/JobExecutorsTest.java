package io.scheduler.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The built-in executors of {@link JobExecutors}: worker thread names, the start / execute /
 * shutdown life cycle of the thread pool (rejecting work when not running, waiting for or
 * interrupting running work, idempotent shutdown, restart), the virtual-thread executor on either
 * side of Java 21, the caller-thread executor and the adapter for a user's {@link
 * java.util.concurrent.Executor}. Latches synchronise with the workers; their timeouts only guard
 * against a hanging build.
 */
class JobExecutorsTest {

  /** Failure guard for waits on other threads; never reached when the code works. */
  private static final long GUARD_SECONDS = 10;

  private static final Duration LONG_WAIT = Duration.ofSeconds(30);

  private final List<JobExecutor> started = new ArrayList<>();
  private final List<CountDownLatch> toRelease = new ArrayList<>();

  @AfterEach
  void releaseBlockedTasksAndStopExecutors() {
    toRelease.forEach(CountDownLatch::countDown);
    started.forEach(executor -> executor.shutdown(true, LONG_WAIT));
  }

  private JobExecutor start(JobExecutor executor, String alias) {
    executor.start(alias);
    started.add(executor);
    return executor;
  }

  private CountDownLatch releaseLatch() {
    CountDownLatch latch = new CountDownLatch(1);
    toRelease.add(latch);
    return latch;
  }

  private static void await(CountDownLatch latch) throws InterruptedException {
    assertThat(latch.await(GUARD_SECONDS, TimeUnit.SECONDS))
        .as("latch reached within the %d s failure guard", GUARD_SECONDS)
        .isTrue();
  }

  /** Runs {@code run} on the executor and returns the thread it ran on. */
  private static Thread threadOf(JobExecutor executor) throws InterruptedException {
    AtomicReference<Thread> thread = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(1);
    executor.execute(
        () -> {
          thread.set(Thread.currentThread());
          done.countDown();
        });
    await(done);
    return thread.get();
  }

  /**
   * A run that counts {@code running} down, then blocks until interrupted (the latch it waits on is
   * released after the test) and counts {@code interrupted} down.
   */
  private Runnable blocksUntilInterrupted(CountDownLatch running, CountDownLatch interrupted) {
    CountDownLatch never = releaseLatch();
    return () -> {
      running.countDown();
      try {
        never.await();
      } catch (InterruptedException e) {
        interrupted.countDown();
      }
    };
  }

  /** Spins until {@code thread} is in {@code state} or has terminated (failure guard: 10 s). */
  private static void awaitStateOrEnd(Thread thread, Thread.State state) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
    while (thread.getState() != state && thread.getState() != Thread.State.TERMINATED) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(thread + " never reached " + state);
      }
      Thread.onSpinWait();
    }
  }

  // ------------------------------------------------------------------ thread pool

  @Test
  void threadPoolWorkersAreNamedAfterTheAliasAndAreDaemons() throws Exception {
    JobExecutor executor = start(JobExecutors.threadPool(2), "reports");

    Thread worker = threadOf(executor);

    assertThat(worker.getName()).isEqualTo("scheduler-reports-1");
    assertThat(worker.isDaemon()).isTrue();
    assertThat(worker).isNotSameAs(Thread.currentThread());
  }

  @Test
  void threadPoolWorkersUseTheGivenPrefix() throws Exception {
    JobExecutor executor = start(JobExecutors.threadPool(1, "mail-worker-"), "reports");

    assertThat(threadOf(executor).getName()).isEqualTo("mail-worker-1");
  }

  @Test
  void threadPoolRunsUpToMaxWorkersAtOnceOnThatManyThreads() throws Exception {
    JobExecutor executor = start(JobExecutors.threadPool(3), "pool");
    CountDownLatch threeRunning = new CountDownLatch(3);
    CountDownLatch release = releaseLatch();
    CountDownLatch allDone = new CountDownLatch(5);
    Set<String> names = ConcurrentHashMap.newKeySet();
    for (int i = 0; i < 5; i++) {
      executor.execute(
          () -> {
            names.add(Thread.currentThread().getName());
            threeRunning.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            allDone.countDown();
          });
    }

    await(threeRunning);
    release.countDown();
    await(allDone);

    assertThat(names)
        .containsExactlyInAnyOrder("scheduler-pool-1", "scheduler-pool-2", "scheduler-pool-3");
  }

  @Test
  void threadPoolRejectsWorkBeforeItIsStarted() {
    JobExecutor executor = JobExecutors.threadPool(1);

    assertThatThrownBy(() -> executor.execute(() -> {}))
        .isInstanceOf(RejectedExecutionException.class)
        .hasMessageContaining("not been started");
  }

  @Test
  void threadPoolRejectsWorkAfterShutdown() {
    JobExecutor executor = start(JobExecutors.threadPool(1), "pool");

    executor.shutdown(true, LONG_WAIT);

    assertThatThrownBy(() -> executor.execute(() -> {}))
        .isInstanceOf(RejectedExecutionException.class);
  }

  @Test
  void shutdownWithWaitBlocksUntilTheRunningTaskFinishes() throws Exception {
    JobExecutor executor = start(JobExecutors.threadPool(1), "pool");
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = releaseLatch();
    AtomicBoolean taskFinished = new AtomicBoolean();
    executor.execute(
        () -> {
          running.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
          taskFinished.set(true);
        });
    await(running);
    CountDownLatch shutdownReturned = new CountDownLatch(1);
    AtomicBoolean finishedWhenShutdownReturned = new AtomicBoolean();
    Thread shutter =
        new Thread(
            () -> {
              executor.shutdown(true, LONG_WAIT);
              finishedWhenShutdownReturned.set(taskFinished.get());
              shutdownReturned.countDown();
            },
            "shutter");
    shutter.start();

    // The task cannot end before the release below, so shutdown must still be waiting for it.
    awaitStateOrEnd(shutter, Thread.State.TIMED_WAITING);
    assertThat(shutdownReturned.getCount()).as("shutdown returned while the task ran").isOne();

    release.countDown();
    await(shutdownReturned);
    assertThat(finishedWhenShutdownReturned).isTrue();
  }

  @Test
  void shutdownWithWaitInterruptsATaskStillRunningAfterTheTimeout() throws Exception {
    JobExecutor executor = start(JobExecutors.threadPool(1), "pool");
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    executor.execute(blocksUntilInterrupted(running, interrupted));
    await(running);

    executor.shutdown(true, Duration.ofMillis(1));

    await(interrupted);
  }

  @Test
  void shutdownWithoutWaitReturnsAtOnceAndLetsTheRunningTaskFinish() throws Exception {
    JobExecutor executor = start(JobExecutors.threadPool(1), "pool");
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = releaseLatch();
    CountDownLatch finished = new CountDownLatch(1);
    executor.execute(
        () -> {
          running.countDown();
          try {
            release.await();
            finished.countDown();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    await(running);

    executor.shutdown(false, LONG_WAIT);

    assertThat(finished.getCount()).isOne();
    assertThatThrownBy(() -> executor.execute(() -> {}))
        .isInstanceOf(RejectedExecutionException.class);
    release.countDown();
    await(finished);
  }

  @Test
  void executeAllRunsEachRunOnceStartingThemInOrder() throws Exception {
    JobExecutor executor = start(JobExecutors.threadPool(1), "pool");
    List<Integer> ran = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(50);
    List<Runnable> runs = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      int index = i;
      runs.add(
          () -> {
            ran.add(index);
            done.countDown();
          });
    }

    assertThat(executor.executeAll(runs)).isEqualTo(50);

    await(done);
    assertThat(ran).hasSize(50).isSortedAccordingTo(Integer::compare);
  }

  @Test
  void aLongRunInABatchHoldsUpOnlyItsOwnWorker() throws Exception {
    JobExecutor executor = start(JobExecutors.threadPool(2), "pool");
    CountDownLatch blocked = releaseLatch();
    CountDownLatch othersDone = new CountDownLatch(20);
    Set<Thread> otherThreads = ConcurrentHashMap.newKeySet();
    List<Runnable> runs = new ArrayList<>();
    AtomicReference<Thread> blockedThread = new AtomicReference<>();
    runs.add(
        () -> {
          blockedThread.set(Thread.currentThread());
          try {
            blocked.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    for (int i = 0; i < 20; i++) {
      runs.add(
          () -> {
            otherThreads.add(Thread.currentThread());
            othersDone.countDown();
          });
    }

    executor.executeAll(runs);

    await(othersDone);
    assertThat(otherThreads).hasSize(1).doesNotContain(blockedThread.get());
  }

  @Test
  void anInterruptOneRunOfABatchLeavesBehindDoesNotReachTheNext() throws Exception {
    JobExecutor executor = start(JobExecutors.threadPool(1), "pool");
    AtomicBoolean secondSawInterrupt = new AtomicBoolean(true);
    CountDownLatch done = new CountDownLatch(1);

    executor.executeAll(
        List.of(
            () -> Thread.currentThread().interrupt(),
            () -> {
              secondSawInterrupt.set(Thread.currentThread().isInterrupted());
              done.countDown();
            }));

    await(done);
    assertThat(secondSawInterrupt).isFalse();
  }

  @Test
  void executeAllAcceptsNothingBeforeStartOrAfterShutdown() {
    JobExecutor executor = JobExecutors.threadPool(2);
    List<Runnable> runs = List.of(() -> {}, () -> {});

    assertThat(executor.executeAll(runs)).isZero();
    start(executor, "pool");
    executor.shutdown(true, LONG_WAIT);
    assertThat(executor.executeAll(runs)).isZero();
  }

  @Test
  void aForcedShutdownStartsNoMoreRunsOfABatch() throws Exception {
    JobExecutor executor = start(JobExecutors.threadPool(1), "pool");
    CountDownLatch running = new CountDownLatch(1);
    AtomicBoolean laterRunStarted = new AtomicBoolean();
    executor.executeAll(
        List.of(
            blocksUntilInterrupted(running, new CountDownLatch(1)),
            () -> laterRunStarted.set(true)));
    await(running);

    executor.shutdown(true, Duration.ofMillis(1));

    assertThat(laterRunStarted).isFalse();
  }

  @Test
  void anExecutorWithoutItsOwnExecuteAllHandsOverRunsOneByOneUntilOneIsRejected() {
    List<Runnable> accepted = new ArrayList<>();
    JobExecutor twoSlots =
        run -> {
          if (accepted.size() == 2) {
            throw new RejectedExecutionException("full");
          }
          accepted.add(run);
        };
    Runnable first = () -> {};
    Runnable second = () -> {};

    assertThat(twoSlots.executeAll(List.of(first, second, () -> {}))).isEqualTo(2);
    assertThat(accepted).containsExactly(first, second);
  }

  @Test
  void shutdownIsIdempotentAndANoOpBeforeStart() {
    JobExecutor neverStarted = JobExecutors.threadPool(1);
    neverStarted.shutdown(true, LONG_WAIT);
    neverStarted.shutdown(false, LONG_WAIT);

    JobExecutor executor = start(JobExecutors.threadPool(1), "pool");
    executor.shutdown(true, LONG_WAIT);
    executor.shutdown(true, LONG_WAIT);
    executor.shutdown(false, LONG_WAIT);

    assertThatThrownBy(() -> executor.execute(() -> {}))
        .isInstanceOf(RejectedExecutionException.class);
  }

  @Test
  void aShutDownThreadPoolRunsWorkAgainWhenRestarted() throws Exception {
    JobExecutor executor = start(JobExecutors.threadPool(1), "pool");
    assertThat(threadOf(executor).getName()).isEqualTo("scheduler-pool-1");
    executor.shutdown(true, LONG_WAIT);

    executor.start("pool");

    assertThat(threadOf(executor).getName()).isEqualTo("scheduler-pool-1");
  }

  @Test
  void startingARunningThreadPoolAgainKeepsItsWorkers() throws Exception {
    JobExecutor executor = start(JobExecutors.threadPool(1), "first");
    Thread before = threadOf(executor);

    executor.start("second");

    assertThat(threadOf(executor)).isSameAs(before);
    assertThat(before.getName()).isEqualTo("scheduler-first-1");
  }

  @Test
  void threadPoolNeedsAtLeastOneWorker() {
    assertThatThrownBy(() -> JobExecutors.threadPool(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxWorkers must be greater than 0, but was 0");
    assertThatThrownBy(() -> JobExecutors.threadPool(-3, "x-"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxWorkers must be greater than 0, but was -3");
    assertThatThrownBy(() -> JobExecutors.virtualThreads(0, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxWorkers must be greater than 0, but was 0");
  }

  @Test
  void theDefaultThreadPoolHasApschedulersTenWorkers() {
    assertThat(JobExecutors.DEFAULT_MAX_WORKERS).isEqualTo(10);
    assertThat(JobExecutors.threadPool()).hasToString("threadPool(10)");
    assertThat(JobExecutors.threadPool(3)).hasToString("threadPool(3)");
  }

  // ------------------------------------------------------------------ virtual threads

  @Test
  void virtualThreadsNeedJava21() {
    assumeTrue(Runtime.version().feature() < 21, "runs on Java 17 to 20");

    assertThatThrownBy(JobExecutors::virtualThreads)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Java 21")
        .hasMessageContaining("JobExecutors.threadPool");
    assertThatThrownBy(() -> JobExecutors.virtualThreads(4, "v-"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Java 21");
  }

  @Test
  void virtualThreadsRunEachTaskOnANamedVirtualThread() throws Exception {
    assumeTrue(Runtime.version().feature() >= 21, "runs on Java 21 or later");
    JobExecutor executor = start(JobExecutors.virtualThreads(), "loom");

    Thread thread = threadOf(executor);

    assertThat(Thread.class.getMethod("isVirtual").invoke(thread)).isEqualTo(true);
    assertThat(thread.getName()).startsWith("scheduler-loom-");
  }

  @Test
  void limitedVirtualThreadsUseTheGivenPrefixAndRunUpToTheLimitAtOnce() throws Exception {
    assumeTrue(Runtime.version().feature() >= 21, "runs on Java 21 or later");
    JobExecutor executor = start(JobExecutors.virtualThreads(2, "vt-"), "loom");
    CountDownLatch twoRunning = new CountDownLatch(2);
    CountDownLatch release = releaseLatch();
    Set<String> names = ConcurrentHashMap.newKeySet();
    for (int i = 0; i < 2; i++) {
      executor.execute(
          () -> {
            names.add(Thread.currentThread().getName());
            twoRunning.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
    }

    await(twoRunning);

    assertThat(names).hasSize(2).allSatisfy(name -> assertThat(name).startsWith("vt-"));
  }

  @Test
  void virtualThreadsRejectWorkBeforeStartAndAfterShutdown() {
    assumeTrue(Runtime.version().feature() >= 21, "runs on Java 21 or later");
    JobExecutor executor = JobExecutors.virtualThreads();

    assertThatThrownBy(() -> executor.execute(() -> {}))
        .isInstanceOf(RejectedExecutionException.class);
    executor.start("loom");
    executor.shutdown(true, LONG_WAIT);
    executor.shutdown(true, LONG_WAIT);
    assertThatThrownBy(() -> executor.execute(() -> {}))
        .isInstanceOf(RejectedExecutionException.class);
  }

  // ------------------------------------------------------------------ direct and of(Executor)

  @Test
  void directRunsOnTheCallersThreadBeforeExecuteReturns() {
    JobExecutor executor = JobExecutors.direct();
    executor.start("direct");
    AtomicReference<Thread> ranOn = new AtomicReference<>();

    executor.execute(() -> ranOn.set(Thread.currentThread()));

    assertThat(ranOn.get()).isSameAs(Thread.currentThread());
  }

  @Test
  void directLetsATaskFailureReachTheCaller() {
    JobExecutor executor = JobExecutors.direct();
    IllegalStateException failure = new IllegalStateException("boom");

    assertThatThrownBy(
            () ->
                executor.execute(
                    () -> {
                      throw failure;
                    }))
        .isSameAs(failure);
  }

  @Test
  void ofExecutorHandsEachRunToTheGivenExecutor() {
    List<Runnable> handedOver = new ArrayList<>();
    JobExecutor executor = JobExecutors.of(handedOver::add);
    AtomicBoolean ran = new AtomicBoolean();
    Runnable run = () -> ran.set(true);

    executor.start("mine");
    executor.execute(run);

    assertThat(handedOver).containsExactly(run);
    assertThat(ran).as("runs only when the user's executor runs it").isFalse();
    handedOver.get(0).run();
    assertThat(ran).isTrue();
  }

  @Test
  void shuttingDownAnAdaptedExecutorLeavesTheUsersExecutorRunning() throws Exception {
    ExecutorService users = Executors.newSingleThreadExecutor();
    try {
      JobExecutor executor = JobExecutors.of(users);
      executor.start("mine");

      executor.shutdown(true, LONG_WAIT);

      assertThat(users.isShutdown()).isFalse();
      CountDownLatch ran = new CountDownLatch(1);
      executor.execute(ran::countDown);
      await(ran);
    } finally {
      users.shutdownNow();
    }
  }

  @Test
  void ofRejectsNull() {
    assertThatThrownBy(() -> JobExecutors.of(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("executor must not be null");
  }
}
