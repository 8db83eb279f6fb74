package io.scheduler.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scheduler.exception.InvalidTriggerException;
import io.scheduler.trigger.cron.CronSchedule;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input raises {@link InvalidTriggerException} naming the field, the value and the rule. */
class InvalidTriggerInputTest {

  private static final ZoneId UTC = ZoneId.of("UTC");

  static Stream<Arguments> badInputs() {
    return Stream.of(
        bad(
            "hour out of range",
            () -> cron(Map.of("hour", "*/5,24")),
            "hour",
            "cron field 'hour': 24 is out of range 0-23 in \"*/5,24\""),
        bad(
            "step of zero",
            () -> cron(Map.of("minute", "*/0")),
            "minute",
            "step 0 must be at least 1"),
        bad(
            "step larger than the range",
            () -> cron(Map.of("minute", "*/60")),
            "minute",
            "step 60 is larger than the range 0-59"),
        bad("inverted range", () -> cron(Map.of("hour", "5-2")), "hour", "range 5-2 is inverted"),
        bad(
            "unknown month name",
            () -> cron(Map.of("month", "janu")),
            "month",
            "unknown month name 'janu' (expected jan..dec)"),
        bad(
            "unknown weekday name",
            () -> cron(Map.of("day_of_week", "monday")),
            "day_of_week",
            "unknown weekday name 'monday' (expected mon..sun)"),
        bad(
            "sixth weekday of a month",
            () -> cron(Map.of("day", "6th fri")),
            "day",
            "unknown ordinal '6th' in '6th fri' (expected 1st..5th or last)"),
        bad(
            "a step after names",
            () -> cron(Map.of("day_of_week", "mon-fri/2")),
            "day_of_week",
            "a step cannot follow names"),
        bad("empty list item", () -> cron(Map.of("day", "1,,2")), "day", "empty item"),
        bad(
            "unknown option with a suggestion",
            () -> cron(Map.of("day_of_wek", "mon")),
            "day_of_wek",
            "unknown cron trigger option 'day_of_wek'; did you mean 'day_of_week'?"),
        bad(
            "end before start",
            () -> cron(Map.of("hour", "3", "start_date", "2026-05-02", "end_date", "2026-05-01")),
            "end_date",
            "is before start_date"),
        bad(
            "calendar interval ending before it starts",
            () ->
                Triggers.create(
                    "calendarinterval",
                    Map.of("days", 1, "start_date", "2024-05-02", "end_date", "2024-05-01"),
                    UTC),
            "end_date",
            "end_date 2024-05-01 is before start_date 2024-05-02"),
        bad(
            "all-zero calendar interval",
            () -> Triggers.create("calendarinterval", Map.of("years", 0, "days", 0), UTC),
            "years",
            "at least one of years, months, weeks, days must be positive"),
        bad(
            "interval without any unit",
            () -> Triggers.create("interval", Map.of("start_date", "2026-01-01"), UTC),
            "seconds",
            "needs at least one of [weeks, days, hours, minutes, seconds]"),
        bad(
            "negative interval",
            () -> Triggers.create("interval", Map.of("minutes", -5), UTC),
            "minutes",
            "must not be negative, but was '-5'"),
        bad(
            "unknown time zone",
            () -> cron(Map.of("hour", "3", "timezone", "Mars/Olympus_Mons")),
            "timezone",
            "must be an IANA time zone id such as 'Europe/Berlin' or 'UTC', but was"
                + " 'Mars/Olympus_Mons'"),
        bad(
            "crontab with four fields",
            () -> CronTrigger.fromCrontab("* * * *", UTC),
            "expression",
            "crontab expression must have 5 fields (minute hour day month day_of_week), found 4"),
        bad(
            "cron expression with three fields",
            () -> CronTrigger.parse("* * *", UTC),
            "expression",
            "must have 5 fields (crontab) or 6 fields (second first), found 3"),
        bad(
            "crontab month out of range",
            () -> CronTrigger.fromCrontab("0 0 * 13 *", UTC),
            "month",
            "crontab \"0 0 * 13 *\" field 'month': 13 is out of range 1-12 in \"13\""),
        bad(
            "Quartz L in a crontab",
            () -> CronTrigger.fromCrontab("0 0 L * *", UTC),
            "day",
            "'L' is not a number"),
        bad(
            "Spring occurrence beyond the fifth",
            () -> CronTrigger.parse("0 0 12 ? * MON#6", UTC),
            "day_of_week",
            "occurrence 6 in 'MON#6' must be between 1 and 5"),
        bad(
            "unparseable date",
            () -> Triggers.create("date", Map.of("run_date", "2026-13-01"), UTC),
            "run_date",
            "run_date: cannot read '2026-13-01' as a date-time"),
        bad(
            "unknown alias",
            () -> Triggers.create("crontab", Map.of(), UTC),
            "trigger",
            "unknown trigger alias 'crontab' (expected one of [date, interval, cron,"
                + " calendarinterval, and, or])"),
        bad(
            "unknown dst_overlap",
            () -> cron(Map.of("hour", "2", "dst_overlap", "last")),
            "dst_overlap",
            "must be 'both' or 'first'"),
        bad(
            "expression mixed with fields",
            () -> cron(Map.of("expression", "0 3 * * *", "hour", "4")),
            "expression",
            "cannot be combined with the fields [hour]"));
  }

  private static Arguments bad(String name, Executable build, String field, String message) {
    return Arguments.of(name, build, field, message);
  }

  private static Trigger cron(Map<String, ?> options) {
    return Triggers.create("cron", options, UTC);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void rejectsWithAMessageNamingFieldValueAndRule(
      String name, Executable build, String field, String message) {
    assertThatThrownBy(build::execute)
        .isInstanceOf(InvalidTriggerException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((InvalidTriggerException) e).field()).isEqualTo(field));
  }

  @Test
  void anExpressionThatCanNeverFireIsKnownAtBuildTimeAndFinishesAtOnce() {
    Trigger never = cron(Map.of("month", "feb", "day", "31"));

    assertThat(CronSchedule.ofFields(Map.of("month", "feb", "day", "31")).matchesSomeTime())
        .isFalse();
    assertThat(CronSchedule.ofFields(Map.of("month", "feb", "day", "29")).matchesSomeTime())
        .isTrue();
    assertThat(never.nextFireTime(null, ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, UTC))).isEmpty();
  }

  @Test
  void everyRejectionNamesTheValue() {
    for (Map<String, ?> options :
        List.of(Map.of("second", "61"), Map.of("week", "54"), Map.of("year", "1969"))) {
      String value = options.values().iterator().next().toString();
      assertThatThrownBy(() -> cron(options)).hasMessageContaining(value);
    }
  }
}
