package io.scheduler.benchmarks.persistent;

import io.scheduler.benchmarks.harness.Metric;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** What the workloads share: batch size, settle time, the correctness metrics and job lists. */
final class Jobs {

  /** Jobs per {@link Contender#add(List)} call when a workload adds many. */
  static final int BATCH = 1_000;

  /**
   * How long a node keeps running after the last job first ran, so a duplicate run (a job run
   * twice, on one node or two) is still counted: longer than the 1 s poll interval.
   */
  static final long SETTLE_MILLIS = 2_000;

  /**
   * The system property that scales the job counts of P1, P2 and P4 for a smoke run on a slow
   * machine (a number in (0, 1], default 1); set on the parent, which passes it to its children.
   */
  static final String SCALE_PROPERTY = "benchmarks.persistent.scale";

  static final Metric DUPLICATES = new Metric("duplicates", "duplicates", 0, false);
  static final Metric LOST = new Metric("lost", "lost", 0, false);
  static final Metric P50 = new Metric("p50Ms", "p50 ms", 2, false);
  static final Metric P99 = new Metric("p99Ms", "p99 ms", 2, false);
  static final Metric MAX = new Metric("maxMs", "max ms", 2, false);
  static final Metric MIN = new Metric("minMs", "min ms", 2, false);

  private Jobs() {}

  /** {@code jobs} times the {@link #SCALE_PROPERTY}, at least 1. */
  static int scaled(int jobs) {
    return (int) Math.max(1, Math.round(jobs * scale()));
  }

  /** The {@link #SCALE_PROPERTY}; 1 when not set. */
  static double scale() {
    String value = System.getProperty(SCALE_PROPERTY, "1");
    double scale;
    try {
      scale = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          SCALE_PROPERTY + " must be a number in (0, 1], but was " + value, e);
    }
    if (!(scale > 0 && scale <= 1)) {
      throw new IllegalArgumentException(
          SCALE_PROPERTY + " must be a number in (0, 1], but was " + value);
    }
    return scale;
  }

  /** Jobs {@code 0} to {@code count - 1}, all due at {@code at}. */
  static List<DueJob> measured(int count, Instant at) {
    List<DueJob> jobs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      jobs.add(DueJob.measured(i, at));
    }
    return jobs;
  }

  /** {@code count} warm-up jobs due now. */
  static List<DueJob> warmUp(int count) {
    Instant now = now();
    List<DueJob> jobs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      jobs.add(DueJob.warmUp(i, now));
    }
    return jobs;
  }

  /** Adds {@code jobs} in batches of {@value #BATCH}. */
  static void addInBatches(Contender node, List<DueJob> jobs) throws Exception {
    for (int from = 0; from < jobs.size(); from += BATCH) {
      node.add(jobs.subList(from, Math.min(from + BATCH, jobs.size())));
    }
  }

  /** {@code count} per second between two wall-clock instants in µs; 0 when nothing happened. */
  static double perSecond(long count, long fromMicros, long toMicros) {
    return count == 0 || toMicros <= fromMicros ? 0 : count * 1e6 / (toMicros - fromMicros);
  }

  /** Now, truncated to the millisecond (Quartz keeps milliseconds). */
  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
