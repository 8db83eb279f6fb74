package io.scheduler.benchmarks.engine;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What one child JVM run produced: a measurement, or the reason it has none.
 *
 * @param measurement the child's numbers, or null when it failed
 * @param failure why there are no numbers (exit code or timeout, then the end of the child's
 *     output), or null when it succeeded
 * @param elapsed how long the child ran
 */
record Outcome(@Nullable Measurement measurement, @Nullable String failure, Duration elapsed) {

  static Outcome succeeded(Measurement measurement, Duration elapsed) {
    return new Outcome(measurement, null, elapsed);
  }

  static Outcome failed(String failure, Duration elapsed) {
    return new Outcome(null, failure, elapsed);
  }
}
