package io.scheduler.benchmarks.persistent;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * Records every execution in this JVM: the tasks of all contenders call {@link #ran} with their job
 * id and scheduled run time. Per measured job it keeps how many times it ran, when it first ran and
 * the run time it was scheduled for, all in wall-clock microseconds, so runs of several processes
 * on one machine can be merged ({@link RunCounts}). Warm-up jobs are only counted.
 */
public final class Recorder {

  private static volatile @Nullable Recorder active;

  private final AtomicIntegerArray counts;
  private final AtomicLongArray firstRunMicros;
  private final AtomicLongArray scheduledMicros;
  private final CountDownLatch allRan;
  private final LongAdder executions = new LongAdder();
  private final LongAdder warmUpRuns = new LongAdder();
  private final LongAdder strayRuns = new LongAdder();

  private Recorder(int jobs) {
    counts = new AtomicIntegerArray(jobs);
    firstRunMicros = new AtomicLongArray(jobs);
    scheduledMicros = new AtomicLongArray(jobs);
    allRan = new CountDownLatch(jobs);
  }

  /** Makes a new recorder for jobs {@code 0} to {@code jobs - 1} the one tasks report to. */
  static Recorder install(int jobs) {
    Recorder recorder = new Recorder(jobs);
    active = recorder;
    return recorder;
  }

  /**
   * Records one execution; called by every contender's task, on its worker thread.
   *
   * @param jobId the job id, as {@link DueJob} made it
   * @param scheduled the run time the scheduler ran the job for
   */
  public static void ran(String jobId, Instant scheduled) {
    long now = micros(Instant.now());
    Recorder recorder = active;
    if (recorder == null) {
      throw new IllegalStateException("job " + jobId + " ran before a recorder was installed");
    }
    recorder.record(jobId, now, micros(scheduled));
  }

  private void record(String jobId, long nowMicros, long scheduled) {
    executions.increment();
    if (DueJob.isWarmUp(jobId)) {
      warmUpRuns.increment();
      return;
    }
    int index;
    try {
      index = Integer.parseInt(jobId);
    } catch (NumberFormatException e) {
      strayRuns.increment();
      return;
    }
    if (index < 0 || index >= counts.length()) {
      strayRuns.increment();
      return;
    }
    if (counts.incrementAndGet(index) == 1) {
      firstRunMicros.set(index, nowMicros);
      scheduledMicros.set(index, scheduled);
      allRan.countDown();
    }
  }

  /** Executions of any job so far, warm-up and duplicates included. */
  long executions() {
    return executions.sum();
  }

  /** Executions of warm-up jobs so far. */
  long warmUpRuns() {
    return warmUpRuns.sum();
  }

  /** Waits until {@code count} warm-up executions were recorded; false when the time ran out. */
  boolean awaitWarmUp(long count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (warmUpRuns.sum() < count) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }

  /** Waits until every measured job ran at least once; false when the time ran out. */
  boolean awaitAll(Duration timeout) throws InterruptedException {
    return allRan.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** A copy of the counts and first-run times so far. */
  RunCounts snapshot() {
    int jobs = counts.length();
    int[] runs = new int[jobs];
    long[] first = new long[jobs];
    long[] scheduled = new long[jobs];
    for (int i = 0; i < jobs; i++) {
      runs[i] = counts.get(i);
      first[i] = firstRunMicros.get(i);
      scheduled[i] = scheduledMicros.get(i);
    }
    return new RunCounts(runs, first, scheduled, strayRuns.sum());
  }

  /** Wall-clock microseconds since the epoch. */
  static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
  }
}
