package io.scheduler.benchmarks.engine;

import io.scheduler.benchmarks.harness.Measurement;
import io.scheduler.benchmarks.harness.Metric;
import io.scheduler.benchmarks.harness.Percentiles;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * W2: {@value #JOBS} one-shot jobs at random whole-millisecond instants over {@value #SPREAD_MS}
 * ms, from a fixed seed. Warm, unmeasured warm-up bursts run first ({@link WarmUp#run}); cold, one
 * burst of a hundredth of the jobs, due now, with the measured jobs' task ({@link WarmUp#cold}).
 *
 * <p>Each task records its lateness: {@link Instant#now()} when it starts minus its run instant,
 * both wall clock, in microseconds. Run instants are whole milliseconds (a base instant truncated
 * to the millisecond plus whole-millisecond offsets), so Quartz's millisecond {@code Date}s carry
 * them exactly. The base lies {@value #LEAD_MS} ms after scheduling starts; the workload fails if
 * scheduling takes longer. A negative lateness is an early start.
 */
final class LatenessWorkload {

  static final int JOBS = 2_000;
  static final long SPREAD_MS = 20_000;

  static final Metric P50 = new Metric("p50Ms", "p50 ms", 2, false);
  static final Metric P99 = new Metric("p99Ms", "p99 ms", 2, false);
  static final Metric MAX = new Metric("maxMs", "max ms", 2, false);
  static final Metric MIN = new Metric("minMs", "min ms", 2, false);
  static final List<Metric> METRICS = List.of(P50, P99, MAX, MIN);

  private static final long SEED = 20_260_101L;
  private static final long LEAD_MS = 2_000;
  private static final long GRACE_SECONDS = 30;

  private LatenessWorkload() {}

  static Measurement run(Contender contender, Start start) throws Exception {
    contender.start();
    switch (start) {
      case WARM -> WarmUp.run(contender);
      case COLD ->
          WarmUp.cold(contender, JOBS, done -> task(new long[1], 0, micros(Instant.now()), done));
    }

    SplittableRandom random = new SplittableRandom(SEED);
    Instant base = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusMillis(LEAD_MS);
    long[] lateness = new long[JOBS];
    CountDownLatch done = new CountDownLatch(JOBS);
    for (int i = 0; i < JOBS; i++) {
      Instant at = base.plusMillis(random.nextLong(SPREAD_MS));
      contender.schedule(task(lateness, i, micros(at), done), at);
    }
    if (!Instant.now().isBefore(base)) {
      throw new IllegalStateException(
          "scheduling " + JOBS + " jobs took longer than the " + LEAD_MS + " ms lead");
    }
    long awaitMillis = LEAD_MS + SPREAD_MS + TimeUnit.SECONDS.toMillis(GRACE_SECONDS);
    if (!done.await(awaitMillis, TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException(
          (JOBS - done.getCount()) + " of " + JOBS + " jobs ran within " + awaitMillis + " ms");
    }
    contender.shutdown();

    Arrays.sort(lateness);
    return new Measurement()
        .put(P50, Percentiles.nearestRankMillis(lateness, 50))
        .put(P99, Percentiles.nearestRankMillis(lateness, 99))
        .put(MAX, lateness[JOBS - 1] / 1e3)
        .put(MIN, lateness[0] / 1e3);
  }

  /** The task of every W2 job, warm-up (cold form) or measured: one class, so both run its code. */
  private static Runnable task(long[] lateness, int job, long dueMicros, CountDownLatch done) {
    return () -> {
      lateness[job] = micros(Instant.now()) - dueMicros;
      done.countDown();
    };
  }

  private static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
  }
}
