package io.scheduler.trigger.cron;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A compiled cron expression: which wall-clock times (to the second) match. It knows nothing of
 * time zones; {@link io.scheduler.trigger.CronTrigger} maps wall times to instants.
 *
 * <p>{@link #next} jumps field by field (year, month, day, hour, minute, second) using bit masks,
 * so even rare expressions such as Feb 29 on a Monday answer in microseconds. Instances are
 * immutable and thread-safe.
 */
public final class CronSchedule {

  /** The last year any schedule can match (APScheduler's limit). */
  public static final int MAX_YEAR = 9999;

  /** The first year any schedule can match. */
  public static final int MIN_YEAR = 1970;

  private final @Nullable List<ValueRange> years;
  private final int months;
  private final DaySet days;
  private final int hours;
  private final long minutes;
  private final long seconds;
  private final boolean matchesSomeTime;

  CronSchedule(
      @Nullable List<ValueRange> years,
      int months,
      DaySet days,
      int hours,
      long minutes,
      long seconds) {
    this.years = years;
    this.months = months;
    this.days = days;
    this.hours = hours;
    this.minutes = minutes;
    this.seconds = seconds;
    this.matchesSomeTime = next(LocalDateTime.of(MIN_YEAR, 1, 1, 0, 0), MAX_YEAR) != null;
  }

  /**
   * Compiles APScheduler's keyword form: fields {@code year, month, day, week, day_of_week, hour,
   * minute, second}, each a string expression; absent fields follow APScheduler's defaulting rule.
   *
   * @param fields expressions by field name (only the eight cron field names)
   * @return the compiled schedule
   * @throws io.scheduler.exception.InvalidTriggerException when a field is invalid
   */
  public static CronSchedule ofFields(Map<String, String> fields) {
    return FieldFormParser.parse(fields);
  }

  /**
   * Compiles a standard five-field crontab line ({@code minute hour day month day_of_week}; weekday
   * 0 and 7 are Sunday; day and weekday are OR-ed when both are restricted).
   *
   * @param expression the five fields
   * @return the compiled schedule
   * @throws io.scheduler.exception.InvalidTriggerException when the expression is invalid
   */
  public static CronSchedule ofCrontab(String expression) {
    return CrontabParser.parse(expression);
  }

  /**
   * Compiles a six-field expression in Spring's {@code CronExpression} dialect ({@code second
   * minute hour day month day_of_week}, with {@code L}, {@code W}, {@code #} and {@code ?}).
   *
   * @param expression the six fields
   * @return the compiled schedule
   * @throws io.scheduler.exception.InvalidTriggerException when the expression is invalid
   */
  public static CronSchedule ofSpring(String expression) {
    return SpringCronParser.parse(expression);
  }

  /**
   * Whether any wall time from 1970 to 9999 matches; {@code month=feb, day=31} never does.
   *
   * @return false when the schedule can never fire
   */
  public boolean matchesSomeTime() {
    return matchesSomeTime;
  }

  /**
   * Whether {@code time} (to the second) matches every field.
   *
   * @param time a wall-clock time
   * @return true when it matches
   */
  public boolean matches(LocalDateTime time) {
    int year = time.getYear();
    if (!yearMatches(year)) {
      return false;
    }
    int month = time.getMonthValue();
    int length = lengthOfMonth(year, month);
    return (months & (1 << month)) != 0
        && (days.mask(year, month, length, firstWeekday(year, month)) & (1 << time.getDayOfMonth()))
            != 0
        && (hours & (1 << time.getHour())) != 0
        && (minutes & (1L << time.getMinute())) != 0
        && (seconds & (1L << time.getSecond())) != 0;
  }

  /**
   * The first matching wall time at or after {@code from} (its fraction of a second is ignored, so
   * round up first), searching no later than the end of {@code lastYear}.
   *
   * @param from where the search starts, inclusive
   * @param lastYear the last year to search
   * @return the matching time, or {@code null} when none exists by then
   */
  public @Nullable LocalDateTime next(LocalDateTime from, int lastYear) {
    int year = from.getYear();
    int month = from.getMonthValue();
    int day = from.getDayOfMonth();
    int hour = from.getHour();
    int minute = from.getMinute();
    int second = from.getSecond();
    int limit = Math.min(lastYear, MAX_YEAR);
    while (year <= limit) {
      int nextYear = nextYear(year);
      if (nextYear < 0 || nextYear > limit) {
        return null;
      }
      if (nextYear != year) {
        year = nextYear;
        month = 1;
        day = 1;
        hour = 0;
        minute = 0;
        second = 0;
      }
      int nextMonth = nextBit(months, month);
      if (nextMonth < 0) {
        year++;
        month = 1;
        day = 1;
        hour = 0;
        minute = 0;
        second = 0;
        continue;
      }
      if (nextMonth != month) {
        month = nextMonth;
        day = 1;
        hour = 0;
        minute = 0;
        second = 0;
      }
      int length = lengthOfMonth(year, month);
      int nextDay =
          day > length
              ? -1
              : nextBit(days.mask(year, month, length, firstWeekday(year, month)), day);
      if (nextDay < 0) {
        month++;
        day = 1;
        hour = 0;
        minute = 0;
        second = 0;
        continue;
      }
      if (nextDay != day) {
        day = nextDay;
        hour = 0;
        minute = 0;
        second = 0;
      }
      int nextHour = nextBit(hours, hour);
      if (nextHour < 0) {
        day++;
        hour = 0;
        minute = 0;
        second = 0;
        continue;
      }
      if (nextHour != hour) {
        hour = nextHour;
        minute = 0;
        second = 0;
      }
      int nextMinute = nextBit(minutes, minute);
      if (nextMinute < 0) {
        hour++;
        minute = 0;
        second = 0;
        continue;
      }
      if (nextMinute != minute) {
        minute = nextMinute;
        second = 0;
      }
      int nextSecond = nextBit(seconds, second);
      if (nextSecond < 0) {
        minute++;
        second = 0;
        continue;
      }
      return LocalDateTime.of(year, month, day, hour, minute, nextSecond);
    }
    return null;
  }

  private boolean yearMatches(int year) {
    return nextYear(year) == year;
  }

  private int nextYear(int year) {
    if (year < MIN_YEAR) {
      year = MIN_YEAR;
    }
    if (years == null) {
      return year <= MAX_YEAR ? year : -1;
    }
    int best = -1;
    for (ValueRange range : years) {
      int candidate = range.nextOrSame(year);
      if (candidate >= 0 && (best < 0 || candidate < best)) {
        best = candidate;
      }
    }
    return best;
  }

  private static int nextBit(int mask, int from) {
    if (from > 31) {
      return -1;
    }
    int candidates = mask & (-1 << from);
    return candidates == 0 ? -1 : Integer.numberOfTrailingZeros(candidates);
  }

  private static int nextBit(long mask, int from) {
    if (from > 63) {
      return -1;
    }
    long candidates = mask & (-1L << from);
    return candidates == 0 ? -1 : Long.numberOfTrailingZeros(candidates);
  }

  private static int lengthOfMonth(int year, int month) {
    return month == 2 ? (Year.isLeap(year) ? 29 : 28) : 31 - (month - 1) % 7 % 2;
  }

  /** Weekday of the month's first day, 0 = Monday. */
  private static int firstWeekday(int year, int month) {
    return (int) Math.floorMod(LocalDate.of(year, month, 1).toEpochDay() + 3, 7L);
  }
}
