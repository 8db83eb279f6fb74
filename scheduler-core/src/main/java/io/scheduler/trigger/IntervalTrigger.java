package io.scheduler.trigger;

import io.scheduler.exception.InvalidTriggerException;
import io.scheduler.internal.Require;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Fires every fixed amount of elapsed time (APScheduler's {@code interval} trigger): a day is
 * 86,400 seconds whatever DST does. With a start date the first fire time is the first {@code start
 * + k·interval} at or after now; after a fire time the next is that time plus the interval, as in
 * APScheduler, so a run moved off the grid (an explicit next run time) continues from where it ran.
 * A job's trigger without a start date is anchored when the job is first stored (at that time plus
 * the interval, as APScheduler does when the trigger is created), so its grid survives restarts; a
 * trigger used on its own without one fires one interval after the time it is first asked.
 */
public final class IntervalTrigger implements BuiltInTrigger {

  private static final List<String> UNITS = List.of("weeks", "days", "hours", "minutes", "seconds");
  private static final BigDecimal[] UNIT_SECONDS = {
    BigDecimal.valueOf(604_800),
    BigDecimal.valueOf(86_400),
    BigDecimal.valueOf(3_600),
    BigDecimal.valueOf(60),
    BigDecimal.ONE
  };

  /**
   * The longest interval accepted: 10,000 years of 365.2425 days (3,652,425 days), so that fire
   * times stay within what every store can hold and no arithmetic overflows.
   */
  public static final Duration MAX_INTERVAL = Duration.ofDays(3_652_425);

  private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(MAX_INTERVAL.getSeconds());

  private final Duration interval;
  private final ZoneId zone;
  private final @Nullable ZonedDateTime startDate;
  private final @Nullable ZonedDateTime endDate;
  private final @Nullable Duration jitter;

  private IntervalTrigger(
      Duration interval,
      ZoneId zone,
      @Nullable ZonedDateTime startDate,
      @Nullable ZonedDateTime endDate,
      @Nullable Duration jitter) {
    // An end_date before start_date is accepted, as in APScheduler: the trigger never fires.
    if (interval.isNegative() || interval.compareTo(MAX_INTERVAL) > 0) {
      throw new InvalidTriggerException(
          "interval",
          interval,
          "interval trigger: interval must be between 0 and "
              + MAX_INTERVAL
              + " (10,000 years), but was "
              + interval);
    }
    // APScheduler turns a zero interval into one second.
    this.interval = interval.isZero() ? Duration.ofSeconds(1) : interval;
    this.zone = zone;
    this.startDate = startDate == null ? null : startDate.withZoneSameInstant(zone);
    this.endDate = endDate == null ? null : endDate.withZoneSameInstant(zone);
    this.jitter = Jitter.check("interval", jitter);
  }

  /**
   * A trigger that fires every {@code interval}, reported in UTC; refine it with the {@code with}
   * methods.
   *
   * @param interval the time between fires
   * @return the trigger
   */
  public static IntervalTrigger every(Duration interval) {
    return new IntervalTrigger(
        Require.requireNonNull(interval, "interval"), ZoneOffset.UTC, null, null, null);
  }

  static IntervalTrigger create(TriggerOptions options, ZoneId defaultZone) {
    ZoneId zone = options.zone(defaultZone);
    BigDecimal seconds = BigDecimal.ZERO;
    boolean given = false;
    for (int i = 0; i < UNITS.size(); i++) {
      if (!options.has(UNITS.get(i))) {
        continue;
      }
      given = true;
      BigDecimal unitSeconds = options.amount(UNITS.get(i)).multiply(UNIT_SECONDS[i]);
      if (unitSeconds.compareTo(MAX_SECONDS) > 0) {
        throw options.invalid(
            UNITS.get(i),
            options.raw(UNITS.get(i)),
            "must make an interval of at most " + MAX_INTERVAL.toDays() + " days (10,000 years)");
      }
      seconds = seconds.add(unitSeconds);
    }
    if (!given) {
      throw options.invalid(
          "seconds", null, "an interval trigger needs at least one of " + UNITS + " to be given");
    }
    Duration interval =
        seconds.scale() <= 0
            ? Duration.ofSeconds(seconds.longValue())
            : Duration.ofSeconds(
                seconds.longValue(),
                seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    return new IntervalTrigger(
        interval,
        zone,
        options.dateTime("start_date", zone),
        options.dateTime("end_date", zone),
        options.duration("jitter"));
  }

  /**
   * Returns the time between fires.
   *
   * @return the interval
   */
  public Duration interval() {
    return interval;
  }

  /** Returns the {@link #interval()}: each fire time is the previous one plus the interval. */
  @Override
  public Duration fixedStep() {
    return interval;
  }

  /**
   * Returns the first fire time, when one was given.
   *
   * @return the start date, or {@code null}
   */
  public @Nullable ZonedDateTime startDate() {
    return startDate;
  }

  /**
   * Returns the last possible fire time, inclusive.
   *
   * @return the end date, or {@code null}
   */
  public @Nullable ZonedDateTime endDate() {
    return endDate;
  }

  /**
   * Returns this trigger anchored at {@code startDate}.
   *
   * @param startDate the first fire time
   * @return a new trigger
   */
  public IntervalTrigger withStartDate(ZonedDateTime startDate) {
    return new IntervalTrigger(interval, zone, startDate, endDate, jitter);
  }

  /**
   * Returns this trigger ending at {@code endDate} (inclusive).
   *
   * @param endDate the last possible fire time
   * @return a new trigger
   */
  public IntervalTrigger withEndDate(ZonedDateTime endDate) {
    return new IntervalTrigger(interval, zone, startDate, endDate, jitter);
  }

  /**
   * Returns this trigger reporting fire times in {@code zone}.
   *
   * @param zone the zone
   * @return a new trigger
   */
  public IntervalTrigger withZone(ZoneId zone) {
    return new IntervalTrigger(interval, zone, startDate, endDate, jitter);
  }

  /**
   * Returns this trigger with each fire time delayed by up to {@code jitter}.
   *
   * @param jitter the largest delay
   * @return a new trigger
   */
  public IntervalTrigger withJitter(Duration jitter) {
    return new IntervalTrigger(interval, zone, startDate, endDate, jitter);
  }

  @Override
  public Optional<ZonedDateTime> nextFireTime(
      @Nullable ZonedDateTime previousFireTime, ZonedDateTime now) {
    Instant next;
    if (previousFireTime != null) {
      next = withoutJitter(previousFireTime.toInstant()).plus(interval);
    } else if (startDate == null) {
      next = now.toInstant().plus(interval);
    } else {
      next = onGridAtOrAfter(now.toInstant());
    }
    if (endDate != null && next.isAfter(endDate.toInstant())) {
      return Optional.empty();
    }
    return Optional.of(Jitter.apply(next.atZone(zone), jitter, hashCode()));
  }

  @Override
  public @Nullable ZonedDateTime firstAtOrAfter(Instant time) {
    Instant next = startDate == null ? time : onGridAtOrAfter(time);
    return endDate != null && next.isAfter(endDate.toInstant()) ? null : next.atZone(zone);
  }

  /**
   * Returns whether the trigger has a start date, which fixes its grid.
   *
   * @return true when anchored
   */
  public boolean isAnchored() {
    return startDate != null;
  }

  /**
   * A time this trigger returned, without its jitter: a grid point's jittered time gives the grid
   * point (so jitter never accumulates); any other time, such as an explicit next run time, is
   * returned as it is.
   */
  private Instant withoutJitter(Instant fire) {
    if (jitter == null || startDate == null || fire.isBefore(startDate.toInstant())) {
      return fire;
    }
    Instant start = startDate.toInstant();
    Instant gridPoint =
        start.plus(interval.multipliedBy(Duration.between(start, fire).dividedBy(interval)));
    return Jitter.apply(gridPoint.atZone(zone), jitter, hashCode()).toInstant().equals(fire)
        ? gridPoint
        : fire;
  }

  private Instant onGridAtOrAfter(Instant time) {
    Instant start = Objects.requireNonNull(startDate).toInstant();
    if (!time.isAfter(start)) {
      return start;
    }
    long steps = Duration.between(start, time).dividedBy(interval);
    Instant candidate = start.plus(interval.multipliedBy(steps));
    return candidate.isBefore(time) ? candidate.plus(interval) : candidate;
  }

  @Override
  public String alias() {
    return "interval";
  }

  @Override
  public ZoneId zone() {
    return zone;
  }

  @Override
  public Map<String, Object> options() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put(
        "seconds",
        new BigDecimal(interval.getSeconds())
            .add(BigDecimal.valueOf(interval.getNano(), 9))
            .stripTrailingZeros()
            .toPlainString());
    if (startDate != null) {
      options.put("start_date", Describe.iso(startDate));
    }
    if (endDate != null) {
      options.put("end_date", Describe.iso(endDate));
    }
    options.put("timezone", zone.getId());
    if (jitter != null) {
      options.put("jitter", jitter.toString());
    }
    return options;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof IntervalTrigger that
        && interval.equals(that.interval)
        && zone.equals(that.zone)
        && Objects.equals(startDate, that.startDate)
        && Objects.equals(endDate, that.endDate)
        && Objects.equals(jitter, that.jitter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(interval, zone, startDate, endDate, jitter);
  }

  @Override
  public String toString() {
    return "interval[" + Describe.timedelta(interval) + "]";
  }
}
