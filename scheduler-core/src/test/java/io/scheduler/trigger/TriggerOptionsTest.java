package io.scheduler.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.scheduler.exception.InvalidTriggerException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Triggers#create} reads a map of canonical keys by look-up and any other map entry by
 * entry; both ways accept the same options and reject the same ones with the same error.
 */
class TriggerOptionsTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant AT = Instant.parse("2030-01-01T00:00:00Z");

  static Stream<Arguments> options() {
    return Stream.of(
        Arguments.of("date", entries("run_date", AT)),
        Arguments.of("date", entries("run_date", AT, "timezone", "UTC")),
        Arguments.of("date", entries("runDate", AT)),
        Arguments.of("date", entries("run-date", "2030-01-01 10:00:00")),
        Arguments.of("date", entries("run_date", AT.atZone(BERLIN))),
        Arguments.of("date", entries("run_date", AT.atOffset(ZoneOffset.ofHours(-3)))),
        Arguments.of("date", entries("run_date", null)),
        Arguments.of("date", entries("run_date", AT, "timezone", null)),
        Arguments.of("date", entries("run_date", Instant.MAX)),
        Arguments.of("date", entries("run_date", Instant.MIN)),
        Arguments.of(
            "date", entries("run_date", LocalDateTime.MAX.atOffset(ZoneOffset.MIN).toInstant())),
        Arguments.of("date", entries("run_date", LocalDateTime.MAX.atZone(ZoneOffset.MIN))),
        Arguments.of("date", entries("run_date", LocalDateTime.MIN.atOffset(ZoneOffset.MAX))),
        Arguments.of("date", entries("run_date", AT, "run_dat", AT)),
        Arguments.of("date", entries()),
        Arguments.of("interval", entries("seconds", 30)),
        Arguments.of("interval", entries("minutes", 1.5, "seconds", "15")),
        Arguments.of("interval", entries("weeks", 2L, "days", (short) 3, "hours", (byte) 4)),
        Arguments.of("interval", entries("seconds", -1)),
        Arguments.of("interval", entries("weeks", Long.MAX_VALUE)),
        Arguments.of("interval", entries("weeks", 300_000, "days", 2_000_000)),
        Arguments.of("interval", entries("startDate", "2026-05-01", "seconds", 10)),
        Arguments.of("interval", entries("timezone", "UTC")),
        Arguments.of("cron", entries("hour", 5, "minute", 30)),
        Arguments.of("cron", entries("dayOfWeek", "mon-fri", "hour", "5")),
        Arguments.of("cron", entries("expression", "0 5 * * *", "timezone", "Asia/Tokyo")),
        Arguments.of("cron", entries("hour", 24)),
        Arguments.of("calendarinterval", entries("days", 1, "hour", 3)),
        Arguments.of("calendarinterval", entries("months", 1, "start-date", "2026-01-31")),
        Arguments.of("calendarinterval", entries("years", 10_000)));
  }

  /** Entries in the order given, some values null. */
  private static List<Map.Entry<String, Object>> entries(Object... keysAndValues) {
    List<Map.Entry<String, Object>> entries = new ArrayList<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      entries.add(new SimpleEntry<>((String) keysAndValues[i], keysAndValues[i + 1]));
    }
    return entries;
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("options")
  void everyKindOfMapGivesTheSameTriggerOrTheSameError(
      String alias, List<Map.Entry<String, Object>> entries) {
    Map<String, Object> linked = new LinkedHashMap<>();
    entries.forEach(entry -> linked.put(entry.getKey(), entry.getValue()));
    // A TreeMap and an unmodifiable view are read entry by entry, as every map was before.
    List<Map<String, Object>> maps =
        List.of(
            linked,
            new HashMap<>(linked),
            new TreeMap<>(linked),
            Collections.unmodifiableMap(linked));
    Object expected = outcome(alias, linked);
    for (Map<String, Object> map : maps) {
      assertThat(outcome(alias, map)).as("%s", map.getClass()).isEqualTo(expected);
    }
    if (!linked.containsValue(null)) {
      assertThat(outcome(alias, Map.copyOf(linked))).as("Map.copyOf").isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runDates")
  void aDateTriggerFromAnInstantZonedOrOffsetValueIsTheOneItsZonedDateTimeGives(Object runDate) {
    ZonedDateTime zoned = DateTimes.toZoned("run_date", runDate, BERLIN);

    assertThat(Triggers.create("date", Map.of("run_date", runDate), BERLIN))
        .isEqualTo(DateTrigger.at(zoned))
        .hasToString(DateTrigger.at(zoned).toString());
  }

  static Stream<Object> runDates() {
    return Stream.of(
        AT,
        AT.atZone(ZoneId.of("America/New_York")),
        AT.atOffset(ZoneOffset.ofHoursMinutes(5, 30)),
        LocalDateTime.MAX.atOffset(ZoneOffset.MAX).toInstant(),
        LocalDateTime.MIN.atOffset(ZoneOffset.MIN).toInstant(),
        Instant.ofEpochSecond(
            LocalDateTime.MAX.toEpochSecond(ZoneOffset.UTC) - ZoneOffset.MAX.getTotalSeconds(),
            999_999_999));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("twiceGiven")
  void aKeyGivenTwiceNamesBothSpellingsInTheMapsOrder(
      Map<String, Object> options, String first, String second) {
    options.put("start_date", "2026-05-01");
    options.put("startDate", null);
    options.put("seconds", 5);

    InvalidTriggerException error =
        catchThrowableOfType(
            InvalidTriggerException.class, () -> Triggers.create("interval", options, BERLIN));

    assertThat(error.field()).isEqualTo(second);
    assertThat(error)
        .hasMessage(
            "interval trigger option 'start_date' is given twice, as '%s' and '%s'", first, second);
  }

  static Stream<Arguments> twiceGiven() {
    return Stream.of(
        Arguments.of(new LinkedHashMap<>(), "start_date", "startDate"),
        Arguments.of(new HashMap<>(), "startDate", "start_date"),
        Arguments.of(new TreeMap<>(), "startDate", "start_date"));
  }

  @Test
  void cronTriggersOfTheSameExpressionOrFieldsFireAlikeAndBadOnesFailEveryTime() {
    ZonedDateTime now = ZonedDateTime.of(2026, 3, 1, 0, 0, 0, 0, BERLIN);
    // More distinct schedules than are kept compiled, each asked twice.
    for (int round = 0; round < 2; round++) {
      for (int minute = 0; minute < 60; minute++) {
        for (int hour = 0; hour < 6; hour++) {
          ZonedDateTime expected = now.withHour(hour).withMinute(minute);
          assertThat(
                  Triggers.create("cron", Map.of("hour", hour, "minute", minute), BERLIN)
                      .nextFireTime(null, now))
              .contains(expected);
          assertThat(
                  CronTrigger.parse(" " + minute + " " + hour + " * * * ", BERLIN)
                      .nextFireTime(null, now))
              .contains(expected);
        }
      }
      assertThatThrownBy(() -> CronTrigger.parse(" * * * ", BERLIN))
          .hasMessageContaining("found 3 in \" * * * \"");
      assertThatThrownBy(() -> Triggers.create("cron", Map.of("hour", 24), BERLIN))
          .hasMessageContaining("24 is out of range 0-23");
    }
  }

  /** The trigger with its string form, or the error's type, field, value and message. */
  private static Object outcome(String alias, Map<String, ?> options) {
    InvalidTriggerException error =
        catchThrowableOfType(InvalidTriggerException.class, () -> create(alias, options));
    if (error != null) {
      return List.of(
          error.getClass(), "" + error.field(), "" + error.value(), "" + error.getMessage());
    }
    Trigger trigger = create(alias, options);
    return List.of(trigger, trigger.toString());
  }

  private static Trigger create(String alias, Map<String, ?> options) {
    return Triggers.create(alias, options, BERLIN);
  }
}
