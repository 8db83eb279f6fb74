package io.scheduler.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Durations#parse}: plain seconds (whole or fractional), a number with a unit, and ISO-8601,
 * case-insensitive and trimmed; anything else, including values too large for a {@link Duration},
 * is an {@link IllegalArgumentException} quoting the text and listing the accepted forms.
 */
class DurationsTest {

  static Stream<Arguments> durations() {
    return Stream.of(
        Arguments.of("30", Duration.ofSeconds(30)),
        Arguments.of("0", Duration.ZERO),
        Arguments.of("0.5", Duration.ofMillis(500)),
        Arguments.of("1.000000001", Duration.ofSeconds(1, 1)),
        Arguments.of("100ns", Duration.ofNanos(100)),
        Arguments.of("250us", Duration.ofNanos(250_000)),
        Arguments.of("500ms", Duration.ofMillis(500)),
        Arguments.of("10s", Duration.ofSeconds(10)),
        Arguments.of("5m", Duration.ofMinutes(5)),
        Arguments.of("2h", Duration.ofHours(2)),
        Arguments.of("1d", Duration.ofDays(1)),
        Arguments.of("1.5h", Duration.ofMinutes(90)),
        Arguments.of("0.25s", Duration.ofMillis(250)),
        Arguments.of("10 s", Duration.ofSeconds(10)),
        Arguments.of("  45s  ", Duration.ofSeconds(45)),
        Arguments.of("10S", Duration.ofSeconds(10)),
        Arguments.of("500MS", Duration.ofMillis(500)),
        Arguments.of("PT10S", Duration.ofSeconds(10)),
        Arguments.of("pt1m30s", Duration.ofSeconds(90)),
        Arguments.of("PT0.5S", Duration.ofMillis(500)),
        Arguments.of("P1D", Duration.ofDays(1)),
        Arguments.of("P2DT3H", Duration.ofHours(51)),
        Arguments.of("-0.5", Duration.ofMillis(-500)),
        Arguments.of("-1s", Duration.ofSeconds(-1)),
        Arguments.of("-500ms", Duration.ofMillis(-500)),
        Arguments.of("+10s", Duration.ofSeconds(10)),
        Arguments.of("-PT1S", Duration.ofSeconds(-1)));
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @MethodSource("durations")
  void parsesSecondsUnitsAndIso8601(String text, Duration expected) {
    assertThat(Durations.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "",
        "   ",
        "abc",
        "ten seconds",
        "10x",
        "10 sec",
        "1..5",
        "5m30s",
        "P",
        "PT",
        "P1Y",
        "s",
        "99999999999999999999999999",
        "999999999999999999d"
      })
  void rejectsOtherTextQuotingItAndListingTheForms(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'"
                + text
                + "' is not a duration (use seconds such as 30, a unit such as 500ms, 10s, 5m,"
                + " 2h, 1d, or ISO-8601 such as PT10S)");
  }
}
