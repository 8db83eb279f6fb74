package io.scheduler.benchmarks.harness;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The numbers of one child run, and their encoding as the child's single result line: {@value
 * #PREFIX} followed by {@code key=value} pairs.
 */
public final class Measurement {

  /** What the result line starts with. */
  public static final String PREFIX = "BENCHMARK-RESULT";

  private final Map<String, Double> values = new LinkedHashMap<>();

  /** Creates an empty measurement. */
  public Measurement() {}

  /**
   * Records a value.
   *
   * @param metric what the value measures
   * @param value the value
   * @return this measurement
   */
  public Measurement put(Metric metric, double value) {
    values.put(metric.key(), value);
    return this;
  }

  /**
   * Returns a value.
   *
   * @param metric what the value measures
   * @return the value of {@code metric}, or null when the child did not report it
   */
  public @Nullable Double get(Metric metric) {
    return values.get(metric.key());
  }

  /**
   * Returns the result line.
   *
   * @return {@value #PREFIX} and the values
   */
  public String toLine() {
    StringBuilder line = new StringBuilder(PREFIX);
    values.forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
    return line.toString();
  }

  /**
   * Parses a result line.
   *
   * @param line a line of a child's output
   * @return the measurement of the line, or empty when it is not a result line
   */
  public static Optional<Measurement> parse(String line) {
    String[] fields = line.trim().split(" ");
    if (!fields[0].equals(PREFIX)) {
      return Optional.empty();
    }
    Measurement measurement = new Measurement();
    for (int i = 1; i < fields.length; i++) {
      int equals = fields[i].indexOf('=');
      if (equals < 0) {
        return Optional.empty();
      }
      try {
        measurement.values.put(
            fields[i].substring(0, equals), Double.parseDouble(fields[i].substring(equals + 1)));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.of(measurement);
  }
}
