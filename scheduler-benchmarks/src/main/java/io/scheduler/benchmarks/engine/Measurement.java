package io.scheduler.benchmarks.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The numbers of one child run, and their encoding as the child's single result line: {@value
 * #PREFIX} followed by {@code key=value} pairs.
 */
final class Measurement {

  /** What the result line starts with. */
  static final String PREFIX = "ENGINE-RESULT";

  private final Map<String, Double> values = new LinkedHashMap<>();

  /** Records {@code value} for {@code metric}. */
  Measurement put(Metric metric, double value) {
    values.put(metric.key(), value);
    return this;
  }

  /** The value of {@code metric}, or null when the child did not report it. */
  @Nullable Double get(Metric metric) {
    return values.get(metric.key());
  }

  /** The result line. */
  String toLine() {
    StringBuilder line = new StringBuilder(PREFIX);
    values.forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
    return line.toString();
  }

  /** The measurement of a result line, or empty when {@code line} is not one. */
  static Optional<Measurement> parse(String line) {
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
