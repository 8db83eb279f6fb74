package io.scheduler.benchmarks.persistent;

import io.scheduler.benchmarks.harness.Measurement;
import io.scheduler.benchmarks.harness.Metric;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * P1 and P5, single-node schedule-and-run: one running node adds 20,000 one-shot jobs due now and
 * runs them. P1 adds them in batches of {@value Jobs#BATCH} through the library's batch API, each
 * batch due at the instant it is built; P5 one at a time through its single-job API ({@code
 * addJob}, {@code schedule}, {@code scheduleJob}), each job due at the instant it is added. The JVM
 * is cold, as a freshly deployed node's would be: no warm-up.
 *
 * <p>jobs/s is the jobs that ran over the time from the first add to the first run of the last one;
 * add jobs/s is the jobs over the adding alone (the workers already run jobs meanwhile).
 *
 * <p>The job count is scaled by {@link Jobs#SCALE_PROPERTY} in a smoke run.
 */
final class BurstWorkload {

  static final int JOBS = Jobs.scaled(20_000);

  static final Metric RATE = new Metric("jobsPerSecond", "jobs/s", 0, true);
  static final Metric ADD_RATE = new Metric("addPerSecond", "add jobs/s", 0, false);
  static final List<Metric> METRICS = List.of(RATE, ADD_RATE, Jobs.DUPLICATES, Jobs.LOST);

  /** How long adding and running may take, from the first add; the parent allows a minute more. */
  static final Duration RUN_TIMEOUT = Duration.ofMinutes(8);

  private BurstWorkload() {}

  /** How the node hands its jobs to the library. */
  enum Adds {
    /** P1: batches of {@value Jobs#BATCH}. */
    BATCHES,
    /** P5: one call per job. */
    SINGLE
  }

  static Measurement node(Contenders contender, DataSource dataSource, Adds adds) throws Exception {
    Recorder recorder = Recorder.install(JOBS);
    Contender node = contender.create(dataSource, true);
    node.start();
    long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
    long start = Recorder.micros(Instant.now());
    switch (adds) {
      case BATCHES -> {
        for (int from = 0; from < JOBS; from += Jobs.BATCH) {
          Instant now = Jobs.now();
          List<DueJob> batch = new ArrayList<>(Jobs.BATCH);
          for (int i = from; i < Math.min(from + Jobs.BATCH, JOBS); i++) {
            batch.add(DueJob.measured(i, now));
          }
          node.add(batch);
        }
      }
      case SINGLE -> {
        for (int i = 0; i < JOBS; i++) {
          node.add(DueJob.measured(i, Jobs.now()));
        }
      }
    }
    long added = Recorder.micros(Instant.now());
    // Jobs that have not run by then are reported as lost.
    recorder.awaitAll(Duration.ofNanos(deadline - System.nanoTime()));
    Thread.sleep(Jobs.SETTLE_MILLIS);
    node.shutdown();
    RunCounts runs = recorder.snapshot();
    return new Measurement()
        .put(RATE, Jobs.perSecond(runs.distinct(), start, runs.lastFirstRunMicros()))
        .put(ADD_RATE, Jobs.perSecond(JOBS, start, added))
        .put(Jobs.DUPLICATES, runs.duplicates())
        .put(Jobs.LOST, runs.lost());
  }
}
