package io.scheduler.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scheduler.exception.InvalidTriggerException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code jitter} option of {@link Triggers#create} reads the configuration's one duration
 * grammar ({@code io.scheduler.config.Durations}): {@code 30s}, {@code PT30S}, {@code 30} and the
 * number 30 are the same jitter, for every trigger that takes one.
 */
class JitterOptionTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  @ParameterizedTest(name = "jitter \"{0}\"")
  @ValueSource(strings = {"30s", "PT30S", "pt30s", "30", " 30s ", "30000ms", "0.5m"})
  void jitterAcceptsEveryFormOfTheDurationGrammar(String jitter) {
    Trigger expected =
        IntervalTrigger.every(Duration.ofMinutes(5)).withJitter(Duration.ofSeconds(30));

    Trigger created = Triggers.create("interval", Map.of("minutes", 5, "jitter", jitter), ZONE);

    assertThat(created.toString()).isEqualTo(expected.toString());
    assertThat(created)
        .isEqualTo(Triggers.create("interval", Map.of("minutes", 5, "jitter", 30), ZONE));
  }

  @ParameterizedTest(name = "{0} trigger")
  @ValueSource(strings = {"cron", "calendarinterval"})
  void jitterWithAUnitWorksForCronAndCalendarTriggers(String alias) {
    Map<String, Object> options =
        alias.equals("cron")
            ? Map.of("hour", "2", "jitter", "30s")
            : Map.of("days", 1, "jitter", "30s");
    Map<String, Object> seconds =
        alias.equals("cron") ? Map.of("hour", "2", "jitter", 30) : Map.of("days", 1, "jitter", 30);

    assertThat(Triggers.create(alias, options, ZONE))
        .isEqualTo(Triggers.create(alias, seconds, ZONE));
  }

  @ParameterizedTest(name = "jitter \"{0}\"")
  @ValueSource(strings = {"thirty", "30x"})
  void badJitterNamesTheOptionAndTheValue(String jitter) {
    assertThatThrownBy(
            () -> Triggers.create("interval", Map.of("seconds", 10, "jitter", jitter), ZONE))
        .isInstanceOf(InvalidTriggerException.class)
        .hasMessageContaining("interval trigger option 'jitter'")
        .hasMessageContaining("but was '" + jitter + "'");
  }

  @ParameterizedTest(name = "jitter \"{0}\"")
  @ValueSource(strings = {"-30", "-0.5", "-30s", "-PT30S"})
  void negativeJitterIsRefused(String jitter) {
    assertThatThrownBy(
            () -> Triggers.create("interval", Map.of("seconds", 10, "jitter", jitter), ZONE))
        .isInstanceOf(InvalidTriggerException.class)
        .hasMessage(
            "interval trigger option 'jitter': must not be negative, but was '" + jitter + "'");
  }
}
