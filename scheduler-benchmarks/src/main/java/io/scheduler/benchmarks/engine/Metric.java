package io.scheduler.benchmarks.engine;

import java.util.Locale;

/**
 * One number a workload reports.
 *
 * @param key the name in the child's result line
 * @param header the column header in the tables
 * @param decimals how many decimals the tables show
 * @param versusJdk whether the tables add a column with the ratio to the {@code jdk} contender
 */
record Metric(String key, String header, int decimals, boolean versusJdk) {

  /** {@code value} with thousands separators and {@link #decimals} decimals. */
  String format(double value) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }
}
