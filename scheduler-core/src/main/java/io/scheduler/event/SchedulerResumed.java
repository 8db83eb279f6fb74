package io.scheduler.event;

import java.time.Instant;

/**
 * Job processing was resumed.
 *
 * @param time when it happened
 */
public record SchedulerResumed(Instant time) implements SchedulerEvent {

  @Override
  public EventType type() {
    return EventType.SCHEDULER_RESUMED;
  }
}
