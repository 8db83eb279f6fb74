package io.scheduler.benchmarks.engine;

import io.scheduler.benchmarks.harness.Measurement;
import io.scheduler.benchmarks.harness.Metric;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * W1 and W1M: a burst of {@value #JOBS} (W1) or {@value #MILLION} (W1M) one-shot no-op jobs, all
 * due at the instant the scheduling loop starts. Warm, it first runs unmeasured warm-up bursts of
 * the same task for a fixed time ({@link WarmUp#run}), of the measured size but at most {@value
 * #JOBS} (a bigger queue is not other code); cold, one burst of a hundredth of the measured jobs
 * ({@link WarmUp#cold}).
 *
 * <p>Schedule rate is jobs per second of the scheduling loop (the workers already run jobs
 * meanwhile). Execution rate is jobs per second from the start of the loop until the last execution
 * completed. The task counts its executions, so the line also reports how many ran, and how many
 * warm-up bursts the contender ran in the warm-up's fixed time.
 */
final class BurstWorkload {

  static final int JOBS = 200_000;

  static final int MILLION = 1_000_000;

  static final Metric SCHEDULE_RATE = new Metric("schedulePerSecond", "schedule jobs/s", 0, false);
  static final Metric EXECUTION_RATE = new Metric("executionsPerSecond", "executions/s", 0, true);
  static final Metric EXECUTED = new Metric("executed", "executed", 0, false);
  static final Metric WARM_UP_BURSTS = new Metric("warmUpBursts", "warm-up bursts", 0, false);
  static final List<Metric> METRICS =
      List.of(SCHEDULE_RATE, EXECUTION_RATE, EXECUTED, WARM_UP_BURSTS);

  private static final long AWAIT_MINUTES = 4;

  private BurstWorkload() {}

  static Measurement run(Contender contender, int jobs, Start jvmStart) throws Exception {
    contender.start();
    WarmUp.BurstTask warmUpTask = done -> task(new LongAdder(), done);
    int warmUpBursts =
        switch (jvmStart) {
          case WARM -> WarmUp.run(contender, Math.min(jobs, JOBS), warmUpTask);
          case COLD -> WarmUp.cold(contender, jobs, warmUpTask);
        };
    CountDownLatch done = new CountDownLatch(jobs);
    LongAdder executed = new LongAdder();
    Runnable task = task(executed, done);
    Instant now = Instant.now();
    long start = System.nanoTime();
    for (int i = 0; i < jobs; i++) {
      contender.schedule(task, now);
    }
    long scheduled = System.nanoTime();
    if (!done.await(AWAIT_MINUTES, TimeUnit.MINUTES)) {
      throw new IllegalStateException(
          executed.sum() + " of " + jobs + " jobs executed within " + AWAIT_MINUTES + " minutes");
    }
    long finished = System.nanoTime();
    contender.shutdown();
    return new Measurement()
        .put(SCHEDULE_RATE, perSecond(jobs, scheduled - start))
        .put(EXECUTION_RATE, perSecond(jobs, finished - start))
        .put(EXECUTED, executed.sum())
        .put(WARM_UP_BURSTS, warmUpBursts);
  }

  /** The task of every burst job, warm-up or measured: one class, so both run the same code. */
  private static Runnable task(LongAdder executed, CountDownLatch done) {
    return () -> {
      executed.increment();
      done.countDown();
    };
  }

  private static double perSecond(long count, long nanos) {
    return count * 1e9 / nanos;
  }
}
