package io.scheduler.trigger;

import io.scheduler.exception.InvalidTriggerException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Fires on calendar steps (years, months, weeks, days) at a fixed wall time of day (APScheduler's
 * {@code calendarinterval} trigger). A month or year step keeps the day of month and skips months
 * without it (Jan 31 + 1 month is Mar 31); a day whose time of day falls into a DST gap is skipped,
 * and an ambiguous time takes the earlier offset. The first fire is the first one at or after now.
 */
public final class CalendarIntervalTrigger implements BuiltInTrigger {

  // The largest step of each unit, however given (options or every()): 9999 years.
  private static final int MAX_YEARS = 9999;
  private static final int MAX_MONTHS = 9999 * 12;
  private static final int MAX_WEEKS = 9999 * 53;
  private static final int MAX_DAYS = 9999 * 366;

  private final int years;
  private final int months;
  private final int weeks;
  private final int days;
  private final LocalTime time;
  private final ZoneId zone;
  private final @Nullable LocalDate startDate;
  private final @Nullable LocalDate endDate;
  private final @Nullable Duration jitter;

  private CalendarIntervalTrigger(
      int years,
      int months,
      int weeks,
      int days,
      LocalTime time,
      ZoneId zone,
      @Nullable LocalDate startDate,
      @Nullable LocalDate endDate,
      @Nullable Duration jitter) {
    checkAmount("years", years, MAX_YEARS);
    checkAmount("months", months, MAX_MONTHS);
    checkAmount("weeks", weeks, MAX_WEEKS);
    checkAmount("days", days, MAX_DAYS);
    if (years == 0 && months == 0 && weeks == 0 && days == 0) {
      throw new InvalidTriggerException(
          "years",
          0,
          "calendarinterval trigger: at least one of years, months, weeks, days must be positive,"
              + " but all were 0");
    }
    if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
      throw new InvalidTriggerException(
          "end_date",
          endDate,
          "calendarinterval trigger: end_date " + endDate + " is before start_date " + startDate);
    }
    this.years = years;
    this.months = months;
    this.weeks = weeks;
    this.days = days;
    this.time = time;
    this.zone = zone;
    this.startDate = startDate;
    this.endDate = endDate;
    this.jitter = Jitter.check("calendarinterval", jitter);
  }

  private static void checkAmount(String field, int value, int max) {
    if (value < 0 || value > max) {
      throw new InvalidTriggerException(
          field,
          value,
          "calendarinterval trigger: "
              + field
              + " must be between 0 and "
              + max
              + ", but was "
              + value);
    }
  }

  /**
   * A trigger stepping by the given calendar amounts at midnight, in UTC; refine it with the {@code
   * with} methods.
   *
   * @param years years per step
   * @param months months per step
   * @param weeks weeks per step
   * @param days days per step
   * @return the trigger
   */
  public static CalendarIntervalTrigger every(int years, int months, int weeks, int days) {
    return new CalendarIntervalTrigger(
        years, months, weeks, days, LocalTime.MIDNIGHT, ZoneOffset.UTC, null, null, null);
  }

  static CalendarIntervalTrigger create(TriggerOptions options, ZoneId defaultZone) {
    ZoneId zone = options.zone(defaultZone);
    return new CalendarIntervalTrigger(
        options.integer("years", 0, 0, MAX_YEARS),
        options.integer("months", 0, 0, MAX_MONTHS),
        options.integer("weeks", 0, 0, MAX_WEEKS),
        options.integer("days", 0, 0, MAX_DAYS),
        LocalTime.of(
            options.integer("hour", 0, 0, 23),
            options.integer("minute", 0, 0, 59),
            options.integer("second", 0, 0, 59)),
        zone,
        options.date("start_date", zone),
        options.date("end_date", zone),
        options.duration("jitter"));
  }

  /**
   * Returns this trigger firing at {@code timeOfDay} (whole seconds).
   *
   * @param timeOfDay the wall time of day
   * @return a new trigger
   */
  public CalendarIntervalTrigger at(LocalTime timeOfDay) {
    return new CalendarIntervalTrigger(
        years,
        months,
        weeks,
        days,
        timeOfDay.truncatedTo(ChronoUnit.SECONDS),
        zone,
        startDate,
        endDate,
        jitter);
  }

  /**
   * Returns this trigger evaluated in {@code zone}.
   *
   * @param zone the zone whose wall clock the trigger follows
   * @return a new trigger
   */
  public CalendarIntervalTrigger withZone(ZoneId zone) {
    return new CalendarIntervalTrigger(
        years, months, weeks, days, time, zone, startDate, endDate, jitter);
  }

  /**
   * Returns this trigger starting on {@code startDate}.
   *
   * @param startDate the first day of the sequence
   * @return a new trigger
   */
  public CalendarIntervalTrigger withStartDate(LocalDate startDate) {
    return new CalendarIntervalTrigger(
        years, months, weeks, days, time, zone, startDate, endDate, jitter);
  }

  /**
   * Returns this trigger ending on {@code endDate} (inclusive).
   *
   * @param endDate the last possible day
   * @return a new trigger
   */
  public CalendarIntervalTrigger withEndDate(LocalDate endDate) {
    return new CalendarIntervalTrigger(
        years, months, weeks, days, time, zone, startDate, endDate, jitter);
  }

  /**
   * Returns this trigger with each fire time delayed by up to {@code jitter}.
   *
   * @param jitter the largest delay
   * @return a new trigger
   */
  public CalendarIntervalTrigger withJitter(Duration jitter) {
    return new CalendarIntervalTrigger(
        years, months, weeks, days, time, zone, startDate, endDate, jitter);
  }

  @Override
  public Optional<ZonedDateTime> nextFireTime(
      @Nullable ZonedDateTime previousFireTime, ZonedDateTime now) {
    ZonedDateTime next;
    if (previousFireTime == null) {
      LocalDateTime wallNow = now.withZoneSameInstant(zone).toLocalDateTime();
      next = firstFrom(startDate != null ? startDate : wallNow.toLocalDate(), wallNow);
    } else {
      LocalDateTime previous = previousFireTime.withZoneSameInstant(zone).toLocalDateTime();
      LocalDate from = startDate != null ? startDate : advance(previous.toLocalDate());
      next = firstFrom(from, previous.plusNanos(1));
    }
    return Optional.ofNullable(next).map(fire -> Jitter.apply(fire, jitter, hashCode()));
  }

  @Override
  public @Nullable ZonedDateTime firstAtOrAfter(Instant instant) {
    LocalDateTime wall = LocalDateTime.ofInstant(instant, zone);
    ZonedDateTime fire = firstFrom(startDate != null ? startDate : wall.toLocalDate(), wall);
    // Wall-time order and instant order differ only inside a fall-back overlap.
    while (fire != null && fire.toInstant().isBefore(instant)) {
      fire = firstFrom(advance(fire.toLocalDate()), fire.toLocalDateTime().plusNanos(1));
    }
    return fire;
  }

  /**
   * Walks the sequence from {@code date} to the first fire whose wall time is at or after {@code
   * notBefore}: the comparison is by local time, as APScheduler compares naive datetimes.
   */
  private @Nullable ZonedDateTime firstFrom(LocalDate date, LocalDateTime notBefore) {
    date = skipAhead(date, notBefore.toLocalDate());
    while (endDate == null || !date.isAfter(endDate)) {
      ZonedDateTime fire = resolve(date);
      if (fire != null && !fire.toLocalDateTime().isBefore(notBefore)) {
        return fire;
      }
      date = advance(date);
    }
    return null;
  }

  /**
   * Jumps whole steps towards {@code target} when the sequence is regular (only days and weeks, or
   * only months and years), stopping a step short so no fire is passed over.
   */
  private LocalDate skipAhead(LocalDate date, LocalDate target) {
    if (years == 0 && months == 0) {
      long step = days + 7L * weeks;
      long steps = ChronoUnit.DAYS.between(date, target) / step - 1;
      return steps > 0 ? date.plusDays(steps * step) : date;
    }
    if (days == 0 && weeks == 0) {
      long step = months + 12L * years;
      long steps = ChronoUnit.MONTHS.between(date, target) / step - 1;
      if (steps > 0) {
        LocalDate jumped = date.plusMonths(steps * step);
        return jumped.getDayOfMonth() == date.getDayOfMonth() ? jumped : date;
      }
    }
    return date;
  }

  /** APScheduler's step: add years and months keeping the day (skipping months without it). */
  private LocalDate advance(LocalDate date) {
    LocalDate next = date;
    if (years != 0 || months != 0) {
      long monthIndex = date.getYear() * 12L + date.getMonthValue() - 1;
      do {
        monthIndex += months + 12L * years;
        int year = (int) (monthIndex / 12);
        int month = (int) (monthIndex % 12) + 1;
        LocalDate candidate = LocalDate.of(year, month, 1);
        if (date.getDayOfMonth() <= candidate.lengthOfMonth()) {
          next = candidate.withDayOfMonth(date.getDayOfMonth());
          break;
        }
      } while (true);
    }
    return next.plusDays(days + 7L * weeks);
  }

  /** The fire instant on {@code date}: none in a gap, the earlier offset in an overlap. */
  private @Nullable ZonedDateTime resolve(LocalDate date) {
    LocalDateTime wall = date.atTime(time);
    List<ZoneOffset> offsets = zone.getRules().getValidOffsets(wall);
    return offsets.isEmpty() ? null : ZonedDateTime.ofLocal(wall, zone, offsets.get(0));
  }

  @Override
  public String alias() {
    return "calendarinterval";
  }

  @Override
  public ZoneId zone() {
    return zone;
  }

  @Override
  public Map<String, Object> options() {
    Map<String, Object> options = new LinkedHashMap<>();
    putIfPositive(options, "years", years);
    putIfPositive(options, "months", months);
    putIfPositive(options, "weeks", weeks);
    putIfPositive(options, "days", days);
    options.put("hour", time.getHour());
    options.put("minute", time.getMinute());
    options.put("second", time.getSecond());
    if (startDate != null) {
      options.put("start_date", startDate.toString());
    }
    if (endDate != null) {
      options.put("end_date", endDate.toString());
    }
    options.put("timezone", zone.getId());
    if (jitter != null) {
      options.put("jitter", jitter.toString());
    }
    return options;
  }

  private static void putIfPositive(Map<String, Object> options, String key, int value) {
    if (value != 0) {
      options.put(key, value);
    }
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof CalendarIntervalTrigger that
        && years == that.years
        && months == that.months
        && weeks == that.weeks
        && days == that.days
        && time.equals(that.time)
        && zone.equals(that.zone)
        && Objects.equals(startDate, that.startDate)
        && Objects.equals(endDate, that.endDate)
        && Objects.equals(jitter, that.jitter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(years, months, weeks, days, time, zone, startDate, endDate, jitter);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("calendarinterval[");
    appendAmount(text, years, "year");
    appendAmount(text, months, "month");
    appendAmount(text, weeks, "week");
    appendAmount(text, days, "day");
    return text.append(" at ")
        .append(time.withNano(0))
        .append(time.getSecond() == 0 ? ":00" : "")
        .append(']')
        .toString();
  }

  private static void appendAmount(StringBuilder text, int amount, String unit) {
    if (amount != 0) {
      if (text.charAt(text.length() - 1) != '[') {
        text.append(", ");
      }
      text.append(amount).append(' ').append(unit).append(amount == 1 ? "" : "s");
    }
  }
}
