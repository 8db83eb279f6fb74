package io.scheduler.trigger.cron;

import io.scheduler.exception.InvalidTriggerException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Compiles APScheduler's keyword cron fields, with its defaulting rule. */
final class FieldFormParser {

  /** Field names, most significant first. */
  static final List<String> FIELD_NAMES =
      List.of("year", "month", "day", "week", "day_of_week", "hour", "minute", "second");

  private static final Map<String, String> DEFAULTS =
      Map.of(
          "year", "*",
          "month", "1",
          "day", "1",
          "week", "*",
          "day_of_week", "*",
          "hour", "0",
          "minute", "0",
          "second", "0");

  private static final List<String> ORDINALS = List.of("1st", "2nd", "3rd", "4th", "5th");

  private static final String CONTEXT = "cron field";

  private FieldFormParser() {}

  static CronSchedule parse(Map<String, String> given) {
    for (String name : given.keySet()) {
      if (!FIELD_NAMES.contains(name)) {
        throw new InvalidTriggerException(
            name,
            given.get(name),
            "unknown cron field '" + name + "' (expected " + FIELD_NAMES + ")");
      }
    }
    int leastSignificantGiven = -1;
    for (int i = 0; i < FIELD_NAMES.size(); i++) {
      if (given.containsKey(FIELD_NAMES.get(i))) {
        leastSignificantGiven = i;
      }
    }
    String[] exprs = new String[FIELD_NAMES.size()];
    for (int i = 0; i < exprs.length; i++) {
      String name = FIELD_NAMES.get(i);
      String value = given.get(name);
      exprs[i] =
          value != null
              ? value
              : i > leastSignificantGiven && leastSignificantGiven >= 0 ? DEFAULTS.get(name) : "*";
    }
    List<ValueRange> years = parseYears(exprs[0]);
    int months = (int) parser("month", exprs[1], 1, 12, FieldSpec.MONTH_NAMES).parseMask(exprs[1]);
    DaySet day = parseDay(exprs[2]);
    DaySet week = parseWeek(exprs[3]);
    DaySet weekday = parseWeekday(exprs[4]);
    int hours = (int) parser("hour", exprs[5], 0, 23, Map.of()).parseMask(exprs[5]);
    long minutes = parser("minute", exprs[6], 0, 59, Map.of()).parseMask(exprs[6]);
    long seconds = parser("second", exprs[7], 0, 59, Map.of()).parseMask(exprs[7]);
    return new CronSchedule(
        years, months, DaySet.allOf(List.of(day, week, weekday)), hours, minutes, seconds);
  }

  private static ValueParser parser(
      String field, String text, int min, int max, Map<String, Integer> names) {
    return new ValueParser(
        new FieldSpec(field, min, max, names),
        Dialect.FIELDS,
        new FieldError(CONTEXT, field, text));
  }

  private static @Nullable List<ValueRange> parseYears(String text) {
    if (text.trim().equals("*")) {
      return null;
    }
    return parser("year", text, CronSchedule.MIN_YEAR, CronSchedule.MAX_YEAR, Map.of())
        .parseRanges(text);
  }

  private static DaySet parseWeek(String text) {
    if (text.trim().equals("*")) {
      return DaySet.EVERY_DAY;
    }
    return DaySet.isoWeeks(parser("week", text, 1, 53, Map.of()).parseMask(text));
  }

  private static DaySet parseWeekday(String text) {
    if (text.trim().equals("*")) {
      return DaySet.EVERY_DAY;
    }
    return DaySet.weekdays(
        (int) parser("day_of_week", text, 0, 6, FieldSpec.WEEKDAY_NAMES_MONDAY_0).parseMask(text));
  }

  private static DaySet parseDay(String text) {
    if (text.trim().equals("*")) {
      return DaySet.EVERY_DAY;
    }
    FieldError error = new FieldError(CONTEXT, "day", text);
    ValueParser numbers = new ValueParser(FieldSpec.numeric("day", 1, 31), Dialect.FIELDS, error);
    return parseDayItems(text, error, numbers);
  }

  /** Day items shared with crontab: numbers, {@code last}, {@code 2nd fri}, {@code last fri}. */
  static DaySet parseDayItems(String text, FieldError error, ValueParser numbers) {
    List<DaySet> sets = new ArrayList<>();
    long mask = 0;
    for (String item : ValueParser.items(text, error)) {
      String lower = item.toLowerCase(Locale.ROOT);
      String[] words = lower.split("\\s+");
      if (lower.equals("last")) {
        sets.add(DaySet.lastDay(0));
      } else if (words.length == 2) {
        int weekday = weekdayName(words[1], item, error);
        if (words[0].equals("last")) {
          sets.add(DaySet.lastWeekday(weekday));
        } else if (ORDINALS.contains(words[0])) {
          sets.add(DaySet.nthWeekday(weekday, ORDINALS.indexOf(words[0]) + 1));
        } else {
          throw error.of(
              "unknown ordinal '" + words[0] + "' in '" + item + "' (expected 1st..5th or last)");
        }
      } else if (words.length > 2) {
        throw error.of("cannot parse '" + item + "' (expected e.g. 2nd fri, last fri or last)");
      } else {
        mask |= numbers.parse(item).toMask();
      }
    }
    if (mask != 0) {
      sets.add(DaySet.numbers(mask));
    }
    return DaySet.anyOf(sets);
  }

  private static int weekdayName(String word, String item, FieldError error) {
    Integer weekday = FieldSpec.WEEKDAY_NAMES_MONDAY_0.get(word);
    if (weekday == null) {
      throw error.of("unknown weekday name '" + word + "' in '" + item + "' (expected mon..sun)");
    }
    return weekday;
  }
}
