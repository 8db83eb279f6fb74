package io.scheduler.trigger.cron;

import io.scheduler.exception.InvalidTriggerException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compiles six-field expressions in Spring's {@code CronExpression} dialect: {@code second minute
 * hour day month day_of_week}; weekday 0 and 7 are Sunday and {@code *} on weekdays runs Monday to
 * Sunday; {@code ?} means any; day takes {@code L}, {@code L-n}, {@code LW} and {@code nW}; weekday
 * takes {@code nL} and {@code n#k}. Day and weekday are AND-ed, as Spring does.
 */
final class SpringCronParser {

  private SpringCronParser() {}

  static CronSchedule parse(String expression) {
    String[] fields = expression.trim().split("\\s+");
    if (expression.isBlank() || fields.length != 6) {
      throw new InvalidTriggerException(
          "expression",
          expression,
          "cron expression must have 6 fields (second minute hour day month day_of_week), found "
              + (expression.isBlank() ? 0 : fields.length)
              + " in \""
              + expression
              + "\"");
    }
    String context = "cron expression \"" + expression.trim() + "\" field";
    long seconds = parser(context, "second", fields[0], 0, 59, Map.of()).parseMask(fields[0]);
    long minutes = parser(context, "minute", fields[1], 0, 59, Map.of()).parseMask(fields[1]);
    int hours = (int) parser(context, "hour", fields[2], 0, 23, Map.of()).parseMask(fields[2]);
    int months =
        (int)
            parser(context, "month", fields[4], 1, 12, FieldSpec.MONTH_NAMES).parseMask(fields[4]);
    DaySet day = parseDay(context, fields[3]);
    DaySet weekday = parseWeekday(context, fields[5]);
    return new CronSchedule(
        null, months, DaySet.allOf(List.of(day, weekday)), hours, minutes, seconds);
  }

  private static ValueParser parser(
      String context, String field, String text, int min, int max, Map<String, Integer> names) {
    return new ValueParser(
        new FieldSpec(field, min, max, names),
        Dialect.SPRING,
        new FieldError(context, field, text));
  }

  private static DaySet parseDay(String context, String text) {
    if (text.equals("?") || text.equals("*")) {
      return DaySet.EVERY_DAY;
    }
    FieldError error = new FieldError(context, "day", text);
    ValueParser numbers = parser(context, "day", text, 1, 31, Map.of());
    List<DaySet> sets = new ArrayList<>();
    long mask = 0;
    for (String item : ValueParser.items(text, error)) {
      String upper = item.toUpperCase(Locale.ROOT);
      if (upper.equals("L")) {
        sets.add(DaySet.lastDay(0));
      } else if (upper.equals("LW")) {
        sets.add(DaySet.lastBusinessDay());
      } else if (upper.startsWith("L-")) {
        int offset = number(error, upper.substring(2), item);
        if (offset < 1 || offset > 30) {
          throw error.of("offset in '" + item + "' must be between 1 and 30");
        }
        sets.add(DaySet.lastDay(offset));
      } else if (upper.endsWith("W")) {
        int target = number(error, upper.substring(0, upper.length() - 1), item);
        if (target < 1 || target > 31) {
          throw error.of(target + " in '" + item + "' is out of range 1-31");
        }
        sets.add(DaySet.nearestWeekday(target));
      } else if (upper.contains("L") || upper.contains("W")) {
        throw error.of("cannot parse '" + item + "' (expected L, L-n, LW or nW)");
      } else {
        mask |= numbers.parse(item).toMask();
      }
    }
    if (mask != 0) {
      sets.add(DaySet.numbers(mask));
    }
    return DaySet.anyOf(sets);
  }

  private static DaySet parseWeekday(String context, String text) {
    if (text.equals("?") || text.equals("*")) {
      return DaySet.EVERY_DAY;
    }
    FieldError error = new FieldError(context, "day_of_week", text);
    FieldSpec spec = new FieldSpec("day_of_week", 0, 7, 1, FieldSpec.WEEKDAY_NAMES_ISO);
    ValueParser numbers = new ValueParser(spec, Dialect.SPRING, error);
    List<DaySet> sets = new ArrayList<>();
    int mask = 0;
    for (String item : ValueParser.items(text, error)) {
      int hash = item.indexOf('#');
      if (hash >= 0) {
        int weekday = weekday(spec, error, item.substring(0, hash), item);
        int nth = number(error, item.substring(hash + 1), item);
        if (nth < 1 || nth > 5) {
          throw error.of("occurrence " + nth + " in '" + item + "' must be between 1 and 5");
        }
        sets.add(DaySet.nthWeekday(weekday, nth));
      } else if (item.length() > 1 && (item.endsWith("L") || item.endsWith("l"))) {
        sets.add(
            DaySet.lastWeekday(weekday(spec, error, item.substring(0, item.length() - 1), item)));
      } else if (item.equalsIgnoreCase("L")) {
        throw error.of("'L' needs a weekday before it, e.g. 5L for the last Friday");
      } else {
        ValueRange range = numbers.parse(item);
        for (int v = range.start(); v <= range.end(); v += range.step()) {
          mask |= 1 << isoToMonday0(v);
        }
      }
    }
    if (mask != 0) {
      sets.add(mask == 0x7f ? DaySet.EVERY_DAY : DaySet.weekdays(mask));
    }
    return DaySet.anyOf(sets);
  }

  /** Spring numbering (0 or 7 Sunday, 1 Monday) to ours (0 Monday .. 6 Sunday). */
  private static int isoToMonday0(int value) {
    return value == 0 ? 6 : value - 1;
  }

  private static int weekday(FieldSpec spec, FieldError error, String text, String item) {
    Integer named = spec.nameValue(text);
    int value = named != null ? named : number(error, text, item);
    if (value < 0 || value > 7) {
      throw error.of(value + " in '" + item + "' is out of range 0-7");
    }
    return isoToMonday0(value);
  }

  private static int number(FieldError error, String text, String item) {
    if (!ValueParser.isNumber(text)) {
      throw error.of("'" + text + "' in '" + item + "' is not a number");
    }
    return Integer.parseInt(text);
  }
}
