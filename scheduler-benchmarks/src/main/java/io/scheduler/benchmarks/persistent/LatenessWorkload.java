package io.scheduler.benchmarks.persistent;

import io.scheduler.benchmarks.harness.Measurement;
import io.scheduler.benchmarks.harness.Metric;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.sql.DataSource;

/**
 * P4, single-node lateness: after a warm-up of {@value #WARM_UP} jobs due now (waited for), one
 * running node adds 2,000 one-shot jobs at random whole-millisecond instants over {@value
 * #SPREAD_MS} ms (fixed seed), in batches of {@value Jobs#BATCH}. The instants start {@value
 * #LEAD_MS} ms after the adding starts; the workload fails if adding takes longer.
 *
 * <p>Lateness is the wall clock when the job first starts minus its instant: p50 and p99 (nearest
 * rank), max and min. A negative min is an early start.
 *
 * <p>The job count is scaled by {@link Jobs#SCALE_PROPERTY} in a smoke run.
 */
final class LatenessWorkload {

  static final int JOBS = Jobs.scaled(2_000);
  static final long SPREAD_MS = 20_000;

  static final List<Metric> METRICS =
      List.of(Jobs.P50, Jobs.P99, Jobs.MAX, Jobs.MIN, Jobs.DUPLICATES, Jobs.LOST);

  private static final int WARM_UP = 200;
  private static final long SEED = 20_260_101L;
  private static final long LEAD_MS = 10_000;
  private static final Duration GRACE = Duration.ofSeconds(30);

  private LatenessWorkload() {}

  static Measurement node(Contenders contender, DataSource dataSource) throws Exception {
    Recorder recorder = Recorder.install(JOBS);
    Contender node = contender.create(dataSource, true);
    node.start();
    node.add(Jobs.warmUp(WARM_UP));
    if (!recorder.awaitWarmUp(WARM_UP, Duration.ofMinutes(1))) {
      throw new IllegalStateException(
          "only " + recorder.warmUpRuns() + " of " + WARM_UP + " warm-up jobs ran within 1 min");
    }

    SplittableRandom random = new SplittableRandom(SEED);
    Instant base = Jobs.now().plusMillis(LEAD_MS);
    long[] dueMicros = new long[JOBS];
    List<DueJob> jobs = new ArrayList<>(JOBS);
    for (int i = 0; i < JOBS; i++) {
      Instant at = base.plusMillis(random.nextLong(SPREAD_MS));
      dueMicros[i] = Recorder.micros(at);
      jobs.add(DueJob.measured(i, at));
    }
    Jobs.addInBatches(node, jobs);
    if (!Instant.now().isBefore(base)) {
      throw new IllegalStateException(
          "adding " + JOBS + " jobs took longer than the " + LEAD_MS + " ms lead");
    }
    // Jobs that have not run by then are reported as lost.
    recorder.awaitAll(Duration.ofMillis(LEAD_MS + SPREAD_MS).plus(GRACE));
    Thread.sleep(Jobs.SETTLE_MILLIS);
    node.shutdown();

    RunCounts runs = recorder.snapshot();
    long[] lateness = runs.sortedLateness(i -> dueMicros[i]);
    return new Measurement()
        .put(Jobs.P50, RunCounts.percentileMillis(lateness, 50))
        .put(Jobs.P99, RunCounts.percentileMillis(lateness, 99))
        .put(Jobs.MAX, RunCounts.percentileMillis(lateness, 100))
        .put(Jobs.MIN, lateness.length == 0 ? Double.NaN : lateness[0] / 1e3)
        .put(Jobs.DUPLICATES, runs.duplicates())
        .put(Jobs.LOST, runs.lost());
  }
}
