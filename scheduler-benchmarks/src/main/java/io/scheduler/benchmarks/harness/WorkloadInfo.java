package io.scheduler.benchmarks.harness;

import java.util.List;

/** What the harness needs to know of a workload: its name, a title and what it reports. */
public interface WorkloadInfo {

  /**
   * Returns the name on the command line and in the tables.
   *
   * @return the name, such as {@code W1}
   */
  String name();

  /**
   * Returns a one-line description for the tables.
   *
   * @return the title
   */
  String title();

  /**
   * Returns what the workload reports, in table order.
   *
   * @return the metrics
   */
  List<Metric> metrics();
}
