package io.scheduler.trigger;

import io.scheduler.internal.Require;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Fires once, at {@code run_date} (APScheduler's {@code date} trigger). Before it has fired it
 * returns the run date even when that lies in the past, so the scheduler can apply its misfire
 * rules; once there is a previous fire time it returns nothing, as APScheduler's does, so a job
 * given an earlier explicit next run time ("run it now") runs once, not again at its run date.
 */
public final class DateTrigger implements BuiltInTrigger {

  // An instant and a zone rather than a ZonedDateTime: a third of the memory per trigger, which
  // counts when a million one-shot jobs wait in a store.
  private final Instant runInstant;
  private final ZoneId zone;

  private DateTrigger(Instant runInstant, ZoneId zone) {
    this.runInstant = runInstant;
    this.zone = zone;
  }

  /**
   * A trigger that fires once at {@code runDate}, reported in that value's zone.
   *
   * @param runDate when to fire
   * @return the trigger
   */
  public static DateTrigger at(ZonedDateTime runDate) {
    Require.requireNonNull(runDate, "runDate");
    return new DateTrigger(runDate.toInstant(), runDate.getZone());
  }

  /**
   * A trigger that fires once at {@code runInstant}, reported in {@code zone}; the same as {@code
   * at(runInstant.atZone(zone))}.
   *
   * @param runInstant when to fire
   * @param zone the zone the run date is reported in
   * @return the trigger
   */
  public static DateTrigger at(Instant runInstant, ZoneId zone) {
    return new DateTrigger(
        Require.requireNonNull(runInstant, "runInstant"), Require.requireNonNull(zone, "zone"));
  }

  static DateTrigger create(TriggerOptions options, ZoneId defaultZone) {
    ZoneId zone = options.zone(defaultZone);
    Instant runInstant = options.instant("run_date", zone);
    if (runInstant == null) {
      throw options.invalid("run_date", null, "is required");
    }
    return new DateTrigger(runInstant, zone);
  }

  /**
   * Returns when this trigger fires.
   *
   * @return the run date
   */
  public ZonedDateTime runDate() {
    return runInstant.atZone(zone);
  }

  /**
   * Returns when this trigger fires, as an instant.
   *
   * @return the run instant
   */
  public Instant runInstant() {
    return runInstant;
  }

  @Override
  public Instant onlyFireTime() {
    return runInstant;
  }

  @Override
  public Optional<ZonedDateTime> nextFireTime(
      @Nullable ZonedDateTime previousFireTime, ZonedDateTime now) {
    return previousFireTime == null ? Optional.of(runDate()) : Optional.empty();
  }

  @Override
  public @Nullable ZonedDateTime firstAtOrAfter(Instant time) {
    return runInstant.isBefore(time) ? null : runDate();
  }

  @Override
  public String alias() {
    return "date";
  }

  @Override
  public ZoneId zone() {
    return zone;
  }

  @Override
  public Map<String, Object> options() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("run_date", Describe.iso(runDate()));
    options.put("timezone", zone.getId());
    return options;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof DateTrigger that
        && runInstant.equals(that.runInstant)
        && zone.equals(that.zone);
  }

  @Override
  public int hashCode() {
    return runInstant.hashCode() * 31 + zone.hashCode();
  }

  @Override
  public String toString() {
    return "date[" + Describe.dateTime(runDate()) + "]";
  }
}
