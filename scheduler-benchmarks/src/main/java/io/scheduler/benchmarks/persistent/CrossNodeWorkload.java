package io.scheduler.benchmarks.persistent;

import io.scheduler.benchmarks.harness.ChildJvm;
import io.scheduler.benchmarks.harness.Measurement;
import io.scheduler.benchmarks.harness.Metric;
import io.scheduler.benchmarks.harness.Outcome;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import javax.sql.DataSource;

/**
 * P3, cross-node lateness: node A, a client that never runs jobs, and node B, a running node, start
 * together on the same tables. A first adds {@value #WARM_UP} warm-up jobs due now (B runs them
 * unmeasured) and waits {@value #WARM_UP_PAUSE_MILLIS} ms; then it adds {@value #JOBS} jobs one by
 * one through the library's single-job API, each due {@value #DELAY_MILLIS} ms after it is added,
 * with random gaps of {@value #MIN_GAP_MILLIS} to {@value #MAX_GAP_MILLIS} ms between adds (fixed
 * seed), so the adds fall at every phase of B's polling.
 *
 * <p>B measures lateness: the wall clock when a job first starts minus the run time its scheduler
 * ran it for (the instant A set), p50, p99 (nearest rank) and max.
 */
final class CrossNodeWorkload {

  static final int JOBS = 200;

  static final List<Metric> METRICS =
      List.of(Jobs.P50, Jobs.P99, Jobs.MAX, Jobs.DUPLICATES, Jobs.LOST);

  private static final Metric ADDED = new Metric("added", "added", 0, false);

  private static final int WARM_UP = 100;
  private static final long WARM_UP_PAUSE_MILLIS = 3_000;
  private static final long DELAY_MILLIS = 1_000;
  private static final long MIN_GAP_MILLIS = 20;
  private static final long MAX_GAP_MILLIS = 80;
  private static final long SEED = 20_260_102L;
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration CHILD_TIMEOUT = RUN_TIMEOUT.plusMinutes(1);

  private CrossNodeWorkload() {}

  /** Node A's part. */
  static Measurement adder(Contenders contender, DataSource dataSource) throws Exception {
    Contender client = contender.create(dataSource, false);
    client.start();
    Signals.ready();
    Signals.await(Signals.GO);
    client.add(Jobs.warmUp(WARM_UP));
    Thread.sleep(WARM_UP_PAUSE_MILLIS);
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = 0; i < JOBS; i++) {
      client.add(DueJob.measured(i, Jobs.now().plusMillis(DELAY_MILLIS)));
      Thread.sleep(random.nextLong(MIN_GAP_MILLIS, MAX_GAP_MILLIS + 1));
    }
    client.shutdown();
    return new Measurement().put(ADDED, JOBS);
  }

  /** Node B's part. */
  static Measurement runner(Contenders contender, DataSource dataSource) throws Exception {
    Recorder recorder = Recorder.install(JOBS);
    Contender node = contender.create(dataSource, true);
    node.start();
    Signals.ready();
    Signals.await(Signals.GO);
    // Jobs that have not run by then are reported as lost.
    recorder.awaitAll(RUN_TIMEOUT);
    Thread.sleep(Jobs.SETTLE_MILLIS);
    node.shutdown();
    RunCounts runs = recorder.snapshot();
    long[] lateness = runs.sortedLatenessToScheduled();
    return new Measurement()
        .put(Jobs.P50, RunCounts.percentileMillis(lateness, 50))
        .put(Jobs.P99, RunCounts.percentileMillis(lateness, 99))
        .put(Jobs.MAX, RunCounts.percentileMillis(lateness, 100))
        .put(Jobs.DUPLICATES, runs.duplicates())
        .put(Jobs.LOST, runs.lost());
  }

  /** The parent's part, after the prepare child: starts A and B together, B reports. */
  static Outcome run(Contenders contender) throws IOException, InterruptedException {
    long started = System.nanoTime();
    ChildJvm adder = Children.start(Workload.P3, contender, Role.ADDER);
    ChildJvm runner = Children.start(Workload.P3, contender, Role.RUNNER);
    try {
      if (!adder.awaitLine(Signals.READY, READY_TIMEOUT)) {
        return ClusterWorkload.failed(0, "(A) not ready", adder, started);
      }
      if (!runner.awaitLine(Signals.READY, READY_TIMEOUT)) {
        return ClusterWorkload.failed(1, "(B) not ready", runner, started);
      }
      adder.send(Signals.GO);
      runner.send(Signals.GO);
      Outcome measured = runner.finish(CHILD_TIMEOUT);
      Outcome added = adder.finish(Duration.ofMinutes(1));
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      if (!added.ok()) {
        return new Outcome(measured.measurement(), "node A: " + added.failure(), elapsed);
      }
      if (!measured.ok()) {
        return Outcome.failed("node B: " + measured.failure(), elapsed);
      }
      return new Outcome(measured.measurement(), null, elapsed);
    } finally {
      adder.kill();
      runner.kill();
    }
  }
}
