package io.scheduler.benchmarks.harness;

import java.util.List;

/**
 * The contenders a {@link Metric#versusBaseline() ratio column} divides by: the best (highest)
 * median among them.
 *
 * @param label how the column header names them, as in {@code executions/s vs jdk}
 * @param contenders the contenders; the best median among those that ran counts
 * @param <C> the contender type
 */
public record Baseline<C extends ContenderInfo>(String label, List<C> contenders) {

  /**
   * Copies the contenders.
   *
   * @param label the header label
   * @param contenders the contenders
   */
  public Baseline {
    contenders = List.copyOf(contenders);
  }
}
