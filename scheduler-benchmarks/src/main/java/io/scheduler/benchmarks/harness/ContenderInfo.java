package io.scheduler.benchmarks.harness;

/** What the harness needs to know of a contender: the name on the command line and in tables. */
public interface ContenderInfo {

  /**
   * Returns the name on the command line and in the tables.
   *
   * @return the name, such as {@code jdk}
   */
  String id();
}
