package io.scheduler.trigger;

import io.scheduler.exception.InvalidTriggerException;
import java.time.Duration;
import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;

/**
 * Spreads fire times by up to {@code jitter}. The offset is derived from the fire time and the
 * trigger (not from a random source), so a trigger stays a pure function and every process sharing
 * a job computes the same jittered time.
 */
final class Jitter {

  /** The longest jitter accepted. */
  static final Duration MAX = Duration.ofDays(365);

  private Jitter() {}

  /**
   * The one rule for a jitter, whichever way it is given: what is wrong with it, or {@code null}
   * when it is fine.
   */
  static @Nullable String problem(Duration jitter) {
    if (jitter.isNegative()) {
      return "must not be negative";
    }
    return jitter.compareTo(MAX) > 0 ? "must be at most " + MAX : null;
  }

  /**
   * Checks a jitter given to a trigger's constructor (by a builder or {@code withJitter}) by {@link
   * #problem}; returns it, or {@code null} for none or zero.
   */
  static @Nullable Duration check(String alias, @Nullable Duration jitter) {
    if (jitter == null || jitter.isZero()) {
      return null;
    }
    String problem = problem(jitter);
    if (problem != null) {
      throw new InvalidTriggerException(
          "jitter", jitter, alias + " trigger: jitter " + problem + ", but was " + jitter);
    }
    return jitter;
  }

  static ZonedDateTime apply(ZonedDateTime fire, @Nullable Duration jitter, int seed) {
    if (jitter == null || jitter.isZero()) {
      return fire;
    }
    long h = fire.toEpochSecond() * 0x9E3779B97F4A7C15L + fire.getNano() + seed;
    h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
    h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
    h = h ^ (h >>> 31);
    return fire.plusNanos(Math.floorMod(h, jitter.toNanos()));
  }
}
