package io.scheduler.benchmarks.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Unmeasured bursts of jobs due now, run before W1 and W2 in every contender alike, so the
 * measurement sees code the JIT has finished compiling. Like a JMH warm-up, it lasts a fixed time
 * rather than a fixed number of bursts: a contender with more code to compile needs more bursts. A
 * fixed five bursts were not enough for ours: the optimizing compiler was still compiling its hot
 * paths (and taking one of the two cores) for about 2 s of bursts. Every contender's burst rate has
 * settled well within {@link #DURATION}. A workload passes its own burst size and task, so the
 * measured burst runs the same code the warm-up compiled, not a task class the compiled code has
 * never seen.
 *
 * <p>The cold form of a workload ({@link Start#COLD}) runs one burst of a hundredth of its measured
 * jobs instead ({@link #cold}), as the independent harness of issue 15 did: enough to load the
 * classes and take the first-call costs out of the measurement, far too little for the JIT to
 * finish.
 */
final class WarmUp {

  static final Duration DURATION = Duration.ofSeconds(5);

  static final int MINIMUM_BURSTS = 5;

  static final int JOBS = 50_000;

  /** The cold warm-up burst is the measured job count divided by this. */
  static final int COLD_FRACTION = 100;

  private static final long GRACE_SECONDS = 60;

  /** The task of one warm-up burst, which counts down its latch when it runs. */
  interface BurstTask {
    Runnable countingDown(CountDownLatch done);
  }

  private WarmUp() {}

  /**
   * Runs bursts of {@value #JOBS} no-op jobs due now, each waited for, until {@link #DURATION} has
   * passed and at least {@value #MINIMUM_BURSTS} bursts have run.
   *
   * @param contender a started contender
   * @return how many bursts ran
   */
  static int run(Contender contender) throws Exception {
    return run(contender, JOBS, done -> done::countDown);
  }

  /**
   * Runs bursts of {@code jobs} jobs due now running {@code task}, each burst waited for, until
   * {@link #DURATION} has passed and at least {@value #MINIMUM_BURSTS} bursts have run.
   *
   * @param contender a started contender
   * @param jobs the jobs of one burst
   * @param task the task of the jobs of one burst
   * @return how many bursts ran
   */
  static int run(Contender contender, int jobs, BurstTask task) throws Exception {
    long end = System.nanoTime() + DURATION.toNanos();
    int bursts = 0;
    while (bursts < MINIMUM_BURSTS || System.nanoTime() - end < 0) {
      burst(contender, jobs, task);
      bursts++;
    }
    return bursts;
  }

  /** The jobs of the cold warm-up burst of a workload that measures {@code measuredJobs}. */
  static int coldJobs(int measuredJobs) {
    return Math.max(1, measuredJobs / COLD_FRACTION);
  }

  /**
   * Runs one burst of {@link #coldJobs} jobs due now running {@code task}, and waits for it.
   *
   * @param contender a started contender
   * @param measuredJobs the jobs the workload measures
   * @param task the task of the measured jobs
   * @return 1, the bursts that ran
   */
  static int cold(Contender contender, int measuredJobs, BurstTask task) throws Exception {
    burst(contender, coldJobs(measuredJobs), task);
    return 1;
  }

  private static void burst(Contender contender, int jobs, BurstTask task) throws Exception {
    CountDownLatch done = new CountDownLatch(jobs);
    Runnable countingDown = task.countingDown(done);
    Instant now = Instant.now();
    for (int i = 0; i < jobs; i++) {
      contender.schedule(countingDown, now);
    }
    if (!done.await(GRACE_SECONDS, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the warm-up did not finish within " + GRACE_SECONDS + " s");
    }
  }
}
