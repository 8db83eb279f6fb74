package io.scheduler.trigger;

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
 * 86,400 seconds whatever DST does. With a start date the fire times are {@code start +
 * k·interval}, and a past start gives the first such time at or after now; without one the first
 * fire comes one interval after the trigger is first asked, as in APScheduler.
 */
public final class IntervalTrigger implements BuiltInTrigger {

  private static final List<String> UNITS = List.of("weeks", "days", "hours", "minutes", "seconds");
  private static final long[] UNIT_SECONDS = {604_800, 86_400, 3_600, 60, 1};

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
    Require.requireArgument(
        !interval.isNegative(), "interval must not be negative, but was %s", interval);
    // APScheduler turns a zero interval into one second.
    this.interval = interval.isZero() ? Duration.ofSeconds(1) : interval;
    this.zone = zone;
    this.startDate = startDate == null ? null : startDate.withZoneSameInstant(zone);
    this.endDate = endDate == null ? null : endDate.withZoneSameInstant(zone);
    this.jitter = jitter == null || jitter.isZero() ? null : jitter;
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
    if (UNITS.stream().noneMatch(options::has)) {
      throw options.invalid(
          "seconds", null, "an interval trigger needs at least one of " + UNITS + " to be given");
    }
    BigDecimal seconds = BigDecimal.ZERO;
    for (int i = 0; i < UNITS.size(); i++) {
      seconds =
          seconds.add(options.amount(UNITS.get(i)).multiply(BigDecimal.valueOf(UNIT_SECONDS[i])));
    }
    Duration interval =
        Duration.ofSeconds(
            seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
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
    if (startDate == null) {
      next = (previousFireTime == null ? now : previousFireTime).toInstant().plus(interval);
    } else if (previousFireTime == null) {
      next = onGridAtOrAfter(now.toInstant());
    } else {
      next = onGridAtOrAfter(previousFireTime.toInstant().plusNanos(1));
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

  boolean isAnchored() {
    return startDate != null;
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
