package io.scheduler.trigger;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the built-in triggers share: an alias, canonical options, and their own fire sequence. */
interface BuiltInTrigger extends Trigger {

  /** The alias {@link Triggers#create} takes, e.g. {@code cron}. */
  String alias();

  /** The zone fire times are returned in. */
  ZoneId zone();

  /**
   * Canonical options: {@code Triggers.create(alias(), options(), zone())} builds an equal trigger.
   * Values are strings, numbers, or (for {@code triggers}) lists of option maps with a {@code
   * type}.
   */
  Map<String, Object> options();

  /**
   * The first time of this trigger's own sequence at or after {@code time}, without jitter; and/or
   * combinations use it so that each part keeps its own sequence.
   */
  @Nullable ZonedDateTime firstAtOrAfter(Instant time);

  /** {@code firstAtOrAfter} for any trigger: built-ins directly, others through the contract. */
  static @Nullable ZonedDateTime firstAtOrAfter(Trigger trigger, Instant time, ZoneId zone) {
    if (trigger instanceof BuiltInTrigger builtIn) {
      return builtIn.firstAtOrAfter(time);
    }
    ZonedDateTime at = time.atZone(zone);
    return trigger.nextFireTime(at.minusNanos(1), at).orElse(null);
  }
}
