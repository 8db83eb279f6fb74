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
 * rules.
 */
public final class DateTrigger implements BuiltInTrigger {

  private final ZonedDateTime runDate;

  private DateTrigger(ZonedDateTime runDate) {
    this.runDate = runDate;
  }

  /**
   * A trigger that fires once at {@code runDate}, reported in that value's zone.
   *
   * @param runDate when to fire
   * @return the trigger
   */
  public static DateTrigger at(ZonedDateTime runDate) {
    return new DateTrigger(Require.requireNonNull(runDate, "runDate"));
  }

  static DateTrigger create(TriggerOptions options, ZoneId defaultZone) {
    ZoneId zone = options.zone(defaultZone);
    ZonedDateTime runDate = options.dateTime("run_date", zone);
    if (runDate == null) {
      throw options.invalid("run_date", null, "is required");
    }
    return new DateTrigger(runDate);
  }

  /**
   * Returns when this trigger fires.
   *
   * @return the run date
   */
  public ZonedDateTime runDate() {
    return runDate;
  }

  @Override
  public Optional<ZonedDateTime> nextFireTime(
      @Nullable ZonedDateTime previousFireTime, ZonedDateTime now) {
    if (previousFireTime == null || runDate.isAfter(previousFireTime)) {
      return Optional.of(runDate);
    }
    return Optional.empty();
  }

  @Override
  public @Nullable ZonedDateTime firstAtOrAfter(Instant time) {
    return runDate.toInstant().isBefore(time) ? null : runDate;
  }

  @Override
  public String alias() {
    return "date";
  }

  @Override
  public ZoneId zone() {
    return runDate.getZone();
  }

  @Override
  public Map<String, Object> options() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("run_date", Describe.iso(runDate));
    options.put("timezone", runDate.getZone().getId());
    return options;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof DateTrigger that && runDate.equals(that.runDate);
  }

  @Override
  public int hashCode() {
    return runDate.hashCode();
  }

  @Override
  public String toString() {
    return "date[" + Describe.dateTime(runDate) + "]";
  }
}
