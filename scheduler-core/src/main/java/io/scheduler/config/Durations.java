package io.scheduler.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration grammar of the scheduler's configuration, used by the flat configuration map,
 * trigger options ({@code jitter}) and the Spring Boot starter: seconds as a number ({@code 30},
 * {@code 0.5}), a number with a unit ({@code 500ms}, {@code 10s}, {@code 5m}, {@code 2h}, {@code
 * 1d}; also {@code ns} and {@code us}) or ISO-8601 ({@code PT10S}, {@code P1D}). Case and
 * surrounding whitespace do not matter. A sign may lead ({@code +10s}); a minus ({@code -1}, {@code
 * -1s}) gives a negative duration; each caller decides whether it accepts one.
 */
public final class Durations {

  private static final Pattern WITH_UNIT =
      Pattern.compile("([+-]?\\d+(?:\\.\\d+)?)\\s*(ns|us|ms|s|m|h|d)");

  private Durations() {}

  /**
   * Parses a duration in any of the accepted forms.
   *
   * @param text the text, such as {@code 10s}, {@code PT10S} or {@code 10}
   * @return the duration
   * @throws IllegalArgumentException when the text is none of the accepted forms
   */
  public static Duration parse(String text) {
    String trimmed = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (trimmed.replaceFirst("^[+-]", "").startsWith("p")) {
        return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
      }
      Matcher matcher = WITH_UNIT.matcher(trimmed);
      if (matcher.matches()) {
        return ofSeconds(
            new BigDecimal(matcher.group(1)).multiply(secondsPerUnit(matcher.group(2))));
      }
      return ofSeconds(new BigDecimal(trimmed));
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a duration (use seconds such as 30, a unit such as 500ms, 10s,"
              + " 5m, 2h, 1d, or ISO-8601 such as PT10S)",
          e);
    }
  }

  private static BigDecimal secondsPerUnit(String unit) {
    return switch (unit) {
      case "ns" -> new BigDecimal("0.000000001");
      case "us" -> new BigDecimal("0.000001");
      case "ms" -> new BigDecimal("0.001");
      case "s" -> BigDecimal.ONE;
      case "m" -> BigDecimal.valueOf(60);
      case "h" -> BigDecimal.valueOf(3600);
      default -> BigDecimal.valueOf(86_400);
    };
  }

  private static Duration ofSeconds(BigDecimal seconds) {
    BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
    long nanos = seconds.subtract(whole).movePointRight(9).longValue();
    return Duration.ofSeconds(whole.longValueExact(), nanos);
  }
}
