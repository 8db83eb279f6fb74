package io.scheduler.benchmarks.harness;

/** Percentiles of latencies kept in microseconds. */
public final class Percentiles {

  private Percentiles() {}

  /**
   * Returns the nearest-rank percentile of ascending microseconds, in milliseconds.
   *
   * @param sortedMicros the values, ascending, at least one
   * @param percentile from 1 to 100
   * @return the smallest value with at least {@code percentile}% of the values at or below it
   */
  public static double nearestRankMillis(long[] sortedMicros, int percentile) {
    int rank = (int) Math.ceil(percentile / 100.0 * sortedMicros.length);
    return sortedMicros[Math.max(rank, 1) - 1] / 1e3;
  }
}
