package io.scheduler.event;

import java.time.Instant;

/**
 * Job processing was paused; jobs keep their schedules.
 *
 * @param time when it happened
 */
public record SchedulerPaused(Instant time) implements SchedulerEvent {

  @Override
  public EventType type() {
    return EventType.SCHEDULER_PAUSED;
  }
}
