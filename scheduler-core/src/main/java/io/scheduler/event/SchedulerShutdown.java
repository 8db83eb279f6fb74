package io.scheduler.event;

import java.time.Instant;

/**
 * The scheduler shut down: executors and stores are stopped.
 *
 * @param time when it happened
 */
public record SchedulerShutdown(Instant time) implements SchedulerEvent {

  @Override
  public EventType type() {
    return EventType.SCHEDULER_SHUTDOWN;
  }
}
