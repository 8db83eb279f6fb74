package io.scheduler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Keys}: camelCase, kebab-case and snake_case option keys share one snake_case form, and an
 * unknown key gets a did-you-mean hint only when an allowed key is within a few edits of it (two,
 * or a third of the key's length when that is more).
 */
class KeysTest {

  private static final List<String> ALLOWED = List.of("timezone", "start_date", "end_date", "hour");

  @ParameterizedTest
  @CsvSource({
    "dayOfWeek, day_of_week",
    "day-of-week, day_of_week",
    "day_of_week, day_of_week",
    "misfireGraceTime, misfire_grace_time",
    "MaxInstances, max_instances",
    "job_Defaults, job_defaults",
    "hour, hour",
    "'', ''"
  })
  void everySpellingHasOneSnakeCaseForm(String key, String expected) {
    assertThat(Keys.snakeCase(key)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "timezon, timezone",
    "time_zone, timezone",
    "start_dat, start_date",
    "ned_date, end_date",
    "hours, hour",
    "our, hour"
  })
  void suggestsAnAllowedKeyWithinAFewEdits(String key, String suggestion) {
    assertThat(Keys.didYouMean(key, ALLOWED)).isEqualTo("; did you mean '" + suggestion + "'?");
  }

  @ParameterizedTest
  @CsvSource({"colour", "second", "jitter", "x_y_z_w"})
  void suggestsNothingWhenNoAllowedKeyIsClose(String key) {
    assertThat(Keys.didYouMean(key, ALLOWED)).isEmpty();
  }

  @Test
  void suggestsNothingWithoutAllowedKeys() {
    assertThat(Keys.didYouMean("hour", List.of())).isEmpty();
  }
}
