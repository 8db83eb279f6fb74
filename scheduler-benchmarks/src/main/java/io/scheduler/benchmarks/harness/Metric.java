package io.scheduler.benchmarks.harness;

import java.util.Locale;

/**
 * One number a workload reports.
 *
 * @param key the name in the child's result line
 * @param header the column header in the tables
 * @param decimals how many decimals the tables show
 * @param versusBaseline whether the tables add a column with the ratio to the {@link Baseline}
 */
public record Metric(String key, String header, int decimals, boolean versusBaseline) {

  /**
   * Formats a value for the tables.
   *
   * @param value the value
   * @return {@code value} with thousands separators and {@link #decimals} decimals
   */
  public String format(double value) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }
}
