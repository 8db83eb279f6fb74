package io.scheduler.trigger.cron;

import io.scheduler.exception.InvalidTriggerException;
import java.util.List;
import java.util.Map;

/**
 * Compiles standard five-field crontab lines: weekday 0 and 7 are Sunday ({@code fri-sun} is 5-7),
 * and when both day and weekday are restricted (neither begins with {@code *}) a day matches if
 * either matches, as in Vixie cron.
 */
final class CrontabParser {

  private CrontabParser() {}

  static CronSchedule parse(String expression) {
    String[] fields = expression.trim().split("\\s+");
    if (expression.isBlank() || fields.length != 5) {
      throw new InvalidTriggerException(
          "expression",
          expression,
          "crontab expression must have 5 fields (minute hour day month day_of_week), found "
              + (expression.isBlank() ? 0 : fields.length)
              + " in \""
              + expression
              + "\"");
    }
    String context = "crontab \"" + expression.trim() + "\" field";
    long minutes = parser(context, "minute", fields[0], 0, 59, Map.of()).parseMask(fields[0]);
    int hours = (int) parser(context, "hour", fields[1], 0, 23, Map.of()).parseMask(fields[1]);
    int months =
        (int)
            parser(context, "month", fields[3], 1, 12, FieldSpec.MONTH_NAMES).parseMask(fields[3]);

    FieldError dayError = new FieldError(context, "day", fields[2]);
    DaySet day =
        fields[2].equals("*")
            ? DaySet.EVERY_DAY
            : FieldFormParser.parseDayItems(
                fields[2],
                dayError,
                new ValueParser(FieldSpec.numeric("day", 1, 31), Dialect.CRONTAB, dayError));

    FieldError weekdayError = new FieldError(context, "day_of_week", fields[4]);
    long crontabWeekdays =
        new ValueParser(
                new FieldSpec("day_of_week", 0, 7, FieldSpec.WEEKDAY_NAMES_SUNDAY_0),
                Dialect.CRONTAB,
                weekdayError,
                true)
            .parseMask(fields[4]);
    int weekdayMask = 0;
    for (int value = 0; value <= 7; value++) {
      if ((crontabWeekdays & (1L << value)) != 0) {
        weekdayMask |= 1 << ((value + 6) % 7);
      }
    }
    DaySet weekday = weekdayMask == 0x7f ? DaySet.EVERY_DAY : DaySet.weekdays(weekdayMask);

    boolean bothRestricted = !fields[2].startsWith("*") && !fields[4].startsWith("*");
    DaySet days =
        bothRestricted ? DaySet.anyOf(List.of(day, weekday)) : DaySet.allOf(List.of(day, weekday));
    return new CronSchedule(null, months, days, hours, minutes, 1L);
  }

  private static ValueParser parser(
      String context, String field, String text, int min, int max, Map<String, Integer> names) {
    return new ValueParser(
        new FieldSpec(field, min, max, names),
        Dialect.CRONTAB,
        new FieldError(context, field, text));
  }
}
