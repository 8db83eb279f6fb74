package io.scheduler.event;

import java.time.Instant;

/**
 * The scheduler started (possibly paused).
 *
 * @param time when it happened
 */
public record SchedulerStarted(Instant time) implements SchedulerEvent {

  @Override
  public EventType type() {
    return EventType.SCHEDULER_STARTED;
  }
}
