package io.scheduler.benchmarks.harness;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What one measurement (one child JVM, or a group of them) produced: numbers, a failure, or both
 * when the numbers came with a problem (lost or duplicated runs).
 *
 * @param measurement the numbers, or null when there are none
 * @param failure what went wrong (exit code or timeout, then the end of the child's output), or
 *     null when the run was clean
 * @param elapsed how long the measurement took, child start-up included
 */
public record Outcome(
    @Nullable Measurement measurement, @Nullable String failure, Duration elapsed) {

  /**
   * A clean run.
   *
   * @param measurement the numbers
   * @param elapsed how long it took
   * @return the outcome
   */
  public static Outcome succeeded(Measurement measurement, Duration elapsed) {
    return new Outcome(measurement, null, elapsed);
  }

  /**
   * A run without numbers.
   *
   * @param failure what went wrong
   * @param elapsed how long it took
   * @return the outcome
   */
  public static Outcome failed(String failure, Duration elapsed) {
    return new Outcome(null, failure, elapsed);
  }

  /**
   * Returns whether the run was clean.
   *
   * @return true when there is no failure
   */
  public boolean ok() {
    return failure == null;
  }
}
