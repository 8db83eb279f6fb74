package io.scheduler.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * {@link InstanceCounter}: counting up to a job's {@code maxInstances}, releasing, per-job
 * independence, dropping the counts of finished jobs, the sorted snapshot, and that eight threads
 * acquiring and releasing at once never see more instances running than the limit.
 */
class InstanceCounterTest {

  private final InstanceCounter counter = new InstanceCounter();

  @Test
  void countsInstancesUpToTheLimit() {
    assertThat(counter.tryAcquire("job", 2)).isNotNull();
    assertThat(counter.tryAcquire("job", 2)).isNotNull();
    assertThat(counter.tryAcquire("job", 2)).isNull();

    assertThat(counter.running("job")).isEqualTo(2);
  }

  @Test
  void aReleasedInstanceMakesRoomForAnother() {
    InstanceCounter.Instances instance = counter.tryAcquire("job", 1);
    assertThat(counter.tryAcquire("job", 1)).isNull();

    instance.release();

    assertThat(counter.running("job")).isZero();
    assertThat(counter.tryAcquire("job", 1)).isNotNull();
  }

  @Test
  void jobsAreCountedSeparately() {
    counter.tryAcquire("a", 1);

    assertThat(counter.tryAcquire("b", 1)).isNotNull();
    assertThat(counter.running("a")).isOne();
    assertThat(counter.running("b")).isOne();
  }

  @Test
  void aLowerLimitThanTheRunningCountAdmitsNothing() {
    counter.tryAcquire("job", 3);
    counter.tryAcquire("job", 3);
    counter.tryAcquire("job", 3);

    assertThat(counter.tryAcquire("job", 2)).isNull();
    assertThat(counter.running("job")).isEqualTo(3);
  }

  @Test
  void finishedJobsAreSweptWhileRunningOnesKeepTheirCounts() {
    InstanceCounter.Instances longRunning = counter.tryAcquire("long", 1);
    // Many one-shot jobs that ran and finished: enough to trigger several sweeps.
    for (int i = 0; i < 1_000; i++) {
      counter.tryAcquire("one-shot-" + i, 1).release();
    }

    assertThat(counter.snapshot()).containsExactly(entry("long", 1));
    assertThat(counter.tryAcquire("long", 1)).as("the running job still counts").isNull();
    assertThat(counter.tryAcquire("one-shot-7", 1)).as("a swept job starts from zero").isNotNull();
    assertThat(counter.running("one-shot-7")).isOne();
    longRunning.release();
    assertThat(counter.running("long")).isZero();
  }

  @Test
  void theCountsOfFinishedJobsAreDroppedSoTheCounterStaysSmall() {
    for (int i = 0; i < 10_000; i++) {
      counter.tryAcquire("one-shot-" + i, 1).release();
    }

    assertThat(counter.trackedJobs())
        .as("bounded by the drop threshold, not by the 10,000 jobs that ran")
        .isLessThan(200);
  }

  @Test
  void aBurstOfJobsRunningAtOnceIsForgottenOnceTheyFinish() {
    List<InstanceCounter.Instances> burst = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      burst.add(counter.tryAcquire("burst-" + i, 1));
    }
    assertThat(counter.trackedJobs()).isEqualTo(20_000);
    assertThat(counter.peak()).isEqualTo(20_000);

    burst.forEach(InstanceCounter.Instances::release);
    for (int i = 0; i < 100; i++) {
      counter.tryAcquire("after-" + i, 1).release();
    }

    assertThat(counter.trackedJobs()).isLessThan(200);
    assertThat(counter.peak()).as("the map grown by the burst was copied smaller").isLessThan(200);
    assertThat(counter.snapshot()).isEmpty();
  }

  @Test
  void aCountTakenAgainAfterDroppingToZeroIsKept() {
    counter.tryAcquire("again", 1).release();
    counter.tryAcquire("again", 1);
    // enough other finished jobs to make the counter drop finished counts several times
    for (int i = 0; i < 1_000; i++) {
      counter.tryAcquire("other-" + i, 1).release();
    }

    assertThat(counter.running("again")).isOne();
    assertThat(counter.tryAcquire("again", 1)).isNull();
  }

  @Test
  void theSnapshotListsRunningJobsByIdAndDoesNotChangeLater() {
    counter.tryAcquire("zeta", 5);
    counter.tryAcquire("alpha", 5);
    counter.tryAcquire("alpha", 5);
    counter.tryAcquire("done", 5).release();

    Map<String, Integer> snapshot = counter.snapshot();
    counter.tryAcquire("zeta", 5);

    assertThat(snapshot).containsExactly(entry("alpha", 2), entry("zeta", 1));
  }

  @Test
  void concurrentAcquireAndReleaseNeverExceedTheLimit() throws Exception {
    int threads = 8;
    int attempts = 20_000;
    int limit = 3;
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger mostInside = new AtomicInteger();
    AtomicInteger admitted = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int i = 0; i < attempts; i++) {
                    InstanceCounter.Instances instance = counter.tryAcquire("job", limit);
                    if (instance != null) {
                      admitted.incrementAndGet();
                      int now = inside.incrementAndGet();
                      mostInside.accumulateAndGet(now, Math::max);
                      assertThat(counter.running("job")).isBetween(1, limit);
                      inside.decrementAndGet();
                      instance.release();
                    }
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> future : futures) {
        future.get(60, TimeUnit.SECONDS); // failure guard only; rethrows a worker's failure
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(mostInside.get()).isBetween(1, limit);
    assertThat(admitted.get()).isPositive();
    assertThat(counter.running("job")).isZero();
    assertThat(counter.snapshot()).isEmpty();
  }

  @Test
  void releasesOnOtherThreadsWhileCountsAreDroppedNeverLetAJobRunTwice() throws Exception {
    int jobs = 256;
    int acquisitions = 200_000;
    AtomicIntegerArray inside = new AtomicIntegerArray(jobs);
    BlockingQueue<Map.Entry<Integer, InstanceCounter.Instances>> running =
        new LinkedBlockingQueue<>();
    AtomicInteger twice = new AtomicInteger();
    ExecutorService releasers = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        futures.add(
            releasers.submit(
                () -> {
                  while (true) {
                    Map.Entry<Integer, InstanceCounter.Instances> run = running.take();
                    if (run.getValue() == null) {
                      return null;
                    }
                    inside.decrementAndGet(run.getKey());
                    run.getValue().release();
                  }
                }));
      }
      for (int i = 0; i < acquisitions; i++) {
        int job = i % jobs;
        InstanceCounter.Instances instance = counter.tryAcquire("job-" + job, 1);
        if (instance != null) {
          if (inside.incrementAndGet(job) != 1) {
            twice.incrementAndGet();
          }
          running.put(new AbstractMap.SimpleEntry<>(job, instance));
        }
      }
      for (int t = 0; t < 4; t++) {
        running.put(new AbstractMap.SimpleEntry<>(-1, null));
      }
      for (Future<?> future : futures) {
        future.get(60, TimeUnit.SECONDS); // failure guard only; rethrows a releaser's failure
      }
    } finally {
      releasers.shutdownNow();
    }

    assertThat(twice.get()).isZero();
    assertThat(counter.snapshot()).isEmpty();
  }
}
