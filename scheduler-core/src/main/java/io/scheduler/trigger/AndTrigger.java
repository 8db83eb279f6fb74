package io.scheduler.trigger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Fires at the instants at which every sub-trigger fires (APScheduler's {@code and} trigger). The
 * next common instant is found by a bounded search: each round moves to the latest of the
 * sub-triggers' next times; after {@value #MAX_ROUNDS} rounds without agreement the trigger is
 * finished, so it never loops forever (APScheduler 3 can).
 */
public final class AndTrigger extends CombiningTrigger {

  /** Rounds of the search before the trigger gives up. */
  public static final int MAX_ROUNDS = 10_000;

  private AndTrigger(List<Trigger> triggers, @Nullable ZoneId zone, @Nullable Duration jitter) {
    super(triggers, zone, jitter);
  }

  /**
   * Combines triggers so that a fire time must satisfy all of them.
   *
   * @param triggers the sub-triggers
   * @return the trigger, reporting in the first sub-trigger's zone
   */
  public static AndTrigger of(List<? extends Trigger> triggers) {
    return new AndTrigger(List.copyOf(triggers), null, null);
  }

  static AndTrigger create(TriggerOptions options, ZoneId defaultZone) {
    ZoneId zone = options.zone(defaultZone);
    return new AndTrigger(options.triggers(zone), zone, options.duration("jitter"));
  }

  /**
   * Returns this trigger with each fire time delayed by up to {@code jitter}.
   *
   * @param jitter the largest delay
   * @return a new trigger
   */
  public AndTrigger withJitter(Duration jitter) {
    return new AndTrigger(triggers, zone, jitter);
  }

  @Override
  public Optional<ZonedDateTime> nextFireTime(
      @Nullable ZonedDateTime previousFireTime, ZonedDateTime now) {
    Instant from =
        previousFireTime == null ? now.toInstant() : previousFireTime.toInstant().plusNanos(1);
    return Optional.ofNullable(firstAtOrAfter(from)).map(this::jittered);
  }

  @Override
  public @Nullable ZonedDateTime firstAtOrAfter(Instant time) {
    Instant candidate = time;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Instant latest = null;
      boolean agree = true;
      for (Trigger trigger : triggers) {
        ZonedDateTime next = BuiltInTrigger.firstAtOrAfter(trigger, candidate, zone);
        if (next == null) {
          return null;
        }
        Instant instant = next.toInstant();
        if (latest == null) {
          latest = instant;
        } else if (!instant.equals(latest)) {
          agree = false;
          if (instant.isAfter(latest)) {
            latest = instant;
          }
        }
      }
      if (agree) {
        return latest.atZone(zone);
      }
      candidate = latest;
    }
    return null;
  }

  @Override
  public String alias() {
    return "and";
  }
}
