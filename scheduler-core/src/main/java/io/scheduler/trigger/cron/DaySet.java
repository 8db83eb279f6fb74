package io.scheduler.trigger.cron;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;

/**
 * Which days of one month match. Every day-level rule of every dialect (day numbers, {@code last},
 * {@code 2nd fri}, {@code L-3}, {@code 15W}, weekdays, ISO weeks, and their AND or OR) reduces to a
 * bit mask of days 1..31 for a given month, which the schedule scans with bit operations.
 */
@FunctionalInterface
interface DaySet {

  /** Bit mask for days 1..31; the weekday constant of day 1 is 0 = Monday .. 6 = Sunday. */
  int mask(int year, int month, int length, int firstWeekday);

  /** True when this set is every day, so a combination may skip it. */
  default boolean isEveryDay() {
    return false;
  }

  /** All days of every month. */
  DaySet EVERY_DAY =
      new DaySet() {
        @Override
        public int mask(int year, int month, int length, int firstWeekday) {
          return daysUpTo(length);
        }

        @Override
        public boolean isEveryDay() {
          return true;
        }
      };

  /** Days 1..length. */
  static int daysUpTo(int length) {
    return (int) ((1L << (length + 1)) - 2);
  }

  /** Fixed day numbers; days past the month's end simply do not match. */
  static DaySet numbers(long mask) {
    int days = (int) mask & daysUpTo(31);
    return (year, month, length, firstWeekday) -> days & daysUpTo(length);
  }

  /** The last day minus {@code offset} days ({@code last}, {@code L}, {@code L-3}). */
  static DaySet lastDay(int offset) {
    return (year, month, length, firstWeekday) -> {
      int day = length - offset;
      return day >= 1 ? 1 << day : 0;
    };
  }

  /** Days whose weekday (0 = Monday) is in {@code weekdayMask}. */
  static DaySet weekdays(int weekdayMask) {
    int[] byFirstWeekday = new int[7];
    for (int first = 0; first < 7; first++) {
      int mask = 0;
      for (int day = 1; day <= 31; day++) {
        if ((weekdayMask & (1 << ((first + day - 1) % 7))) != 0) {
          mask |= 1 << day;
        }
      }
      byFirstWeekday[first] = mask;
    }
    return (year, month, length, firstWeekday) -> byFirstWeekday[firstWeekday] & daysUpTo(length);
  }

  /** The {@code nth} (1-5) given weekday of the month, if the month has one. */
  static DaySet nthWeekday(int weekday, int nth) {
    return (year, month, length, firstWeekday) -> {
      int day = 1 + Math.floorMod(weekday - firstWeekday, 7) + 7 * (nth - 1);
      return day <= length ? 1 << day : 0;
    };
  }

  /** The last given weekday of the month ({@code last fri}, {@code 5L}). */
  static DaySet lastWeekday(int weekday) {
    return (year, month, length, firstWeekday) -> {
      int lastWeekdayOfMonth = (firstWeekday + length - 1) % 7;
      return 1 << (length - Math.floorMod(lastWeekdayOfMonth - weekday, 7));
    };
  }

  /** The last Monday-to-Friday day of the month ({@code LW}). */
  static DaySet lastBusinessDay() {
    return (year, month, length, firstWeekday) -> {
      int lastWeekday = (firstWeekday + length - 1) % 7;
      int back = lastWeekday == 5 ? 1 : lastWeekday == 6 ? 2 : 0;
      return 1 << (length - back);
    };
  }

  /**
   * The weekday nearest to {@code target} ({@code 15W}) with the results of Spring's {@code
   * CronExpression}: a Saturday moves to Friday (the 1st to Monday the 3rd), a Sunday to Monday; a
   * Sunday on the month's last day and a target past the month's end do not fire that month.
   */
  static DaySet nearestWeekday(int target) {
    return (year, month, length, firstWeekday) -> {
      if (target > length) {
        return 0;
      }
      int weekday = (firstWeekday + target - 1) % 7;
      int day;
      if (weekday == 5) {
        day = target == 1 ? 3 : target - 1;
      } else if (weekday == 6) {
        day = target + 1;
      } else {
        day = target;
      }
      return day <= length ? 1 << day : 0;
    };
  }

  /** Days in the given ISO weeks (bits 1..53 of {@code weekMask}). */
  static DaySet isoWeeks(long weekMask) {
    return (year, month, length, firstWeekday) -> {
      int week = LocalDate.of(year, month, 1).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      int mask = 0;
      int weekday = firstWeekday;
      for (int day = 1; day <= length; day++) {
        if (day > 1 && weekday == 0) {
          week = LocalDate.of(year, month, day).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        }
        if ((weekMask & (1L << week)) != 0) {
          mask |= 1 << day;
        }
        weekday = (weekday + 1) % 7;
      }
      return mask;
    };
  }

  /** A day matching any of {@code sets}. */
  static DaySet anyOf(List<DaySet> sets) {
    if (sets.size() == 1) {
      return sets.get(0);
    }
    if (sets.stream().anyMatch(DaySet::isEveryDay)) {
      return EVERY_DAY;
    }
    DaySet[] array = sets.toArray(DaySet[]::new);
    return (year, month, length, firstWeekday) -> {
      int mask = 0;
      for (DaySet set : array) {
        mask |= set.mask(year, month, length, firstWeekday);
      }
      return mask;
    };
  }

  /** A day matching all of {@code sets}. */
  static DaySet allOf(List<DaySet> sets) {
    List<DaySet> restricting = sets.stream().filter(set -> !set.isEveryDay()).toList();
    if (restricting.isEmpty()) {
      return EVERY_DAY;
    }
    if (restricting.size() == 1) {
      return restricting.get(0);
    }
    DaySet[] array = restricting.toArray(DaySet[]::new);
    return (year, month, length, firstWeekday) -> {
      int mask = -1;
      for (DaySet set : array) {
        mask &= set.mask(year, month, length, firstWeekday);
      }
      return mask;
    };
  }
}
