package io.scheduler.trigger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * When a job runs. Implementations are immutable and thread-safe; {@link #nextFireTime} is a pure
 * function of its arguments.
 */
@FunctionalInterface
public interface Trigger {

  /**
   * APScheduler's {@code get_next_fire_time(previous_fire_time, now)}: with {@code
   * previousFireTime} null (never fired) the first fire time at or after {@code now} (and the start
   * date); otherwise the next one after {@code previousFireTime}.
   *
   * @param previousFireTime the last fire time, or {@code null} if the trigger never fired
   * @param now the current time
   * @return the next fire time in the trigger's zone, or empty when the trigger is finished
   */
  Optional<ZonedDateTime> nextFireTime(@Nullable ZonedDateTime previousFireTime, ZonedDateTime now);

  /**
   * Returns the trigger's only fire time when it fires exactly once, at a time that does not depend
   * on {@code now} (as a date trigger does), so the scheduler needs no search and no clock reading.
   *
   * @return that time, or {@code null} (the default) when the trigger is not of that kind
   */
  default @Nullable Instant onlyFireTime() {
    return null;
  }

  /**
   * Returns the fixed elapsed time from each fire time to the next, when the trigger steps that way
   * from any fire time it returned (as an interval trigger does, jitter and end date aside), so the
   * scheduler can skip a long run of overdue fire times by arithmetic instead of one by one.
   *
   * @return that step, or {@code null} (the default) when the trigger is not of that kind
   */
  default @Nullable Duration fixedStep() {
    return null;
  }
}
