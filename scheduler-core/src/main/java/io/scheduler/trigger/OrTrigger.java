package io.scheduler.trigger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Fires whenever any sub-trigger fires: the union of the sub-triggers' own sequences (APScheduler's
 * {@code or} trigger, without its drift: every sub-trigger keeps its own sequence, so {@code
 * or(date a, date b)} fires twice).
 */
public final class OrTrigger extends CombiningTrigger {

  private OrTrigger(List<Trigger> triggers, @Nullable ZoneId zone, @Nullable Duration jitter) {
    super(triggers, zone, jitter);
  }

  /**
   * Combines triggers so that any of them fires.
   *
   * @param triggers the sub-triggers
   * @return the trigger, reporting in the first sub-trigger's zone
   */
  public static OrTrigger of(List<? extends Trigger> triggers) {
    return new OrTrigger(List.copyOf(triggers), null, null);
  }

  static OrTrigger create(TriggerOptions options, ZoneId defaultZone) {
    ZoneId zone = options.zone(defaultZone);
    return new OrTrigger(options.triggers(zone), zone, options.duration("jitter"));
  }

  /**
   * Returns this trigger with each fire time delayed by up to {@code jitter}.
   *
   * @param jitter the largest delay
   * @return a new trigger
   */
  public OrTrigger withJitter(Duration jitter) {
    return new OrTrigger(triggers, zone, jitter);
  }

  @Override
  public Optional<ZonedDateTime> nextFireTime(
      @Nullable ZonedDateTime previousFireTime, ZonedDateTime now) {
    Instant earliest = null;
    for (Trigger trigger : triggers) {
      ZonedDateTime next;
      if (previousFireTime == null && trigger instanceof DateTrigger date) {
        next = date.runDate(); // a date part that never fired still fires, even if overdue
      } else {
        Instant from =
            previousFireTime == null ? now.toInstant() : previousFireTime.toInstant().plusNanos(1);
        next = BuiltInTrigger.firstAtOrAfter(trigger, from, zone);
      }
      if (next != null && (earliest == null || next.toInstant().isBefore(earliest))) {
        earliest = next.toInstant();
      }
    }
    return Optional.ofNullable(earliest).map(instant -> jittered(instant.atZone(zone)));
  }

  @Override
  public @Nullable ZonedDateTime firstAtOrAfter(Instant time) {
    Instant earliest = null;
    for (Trigger trigger : triggers) {
      ZonedDateTime next = BuiltInTrigger.firstAtOrAfter(trigger, time, zone);
      if (next != null && (earliest == null || next.toInstant().isBefore(earliest))) {
        earliest = next.toInstant();
      }
    }
    return earliest == null ? null : earliest.atZone(zone);
  }

  @Override
  public String alias() {
    return "or";
  }
}
