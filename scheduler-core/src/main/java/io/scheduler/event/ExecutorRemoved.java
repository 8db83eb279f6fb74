package io.scheduler.event;

import java.time.Instant;

/**
 * An executor was removed.
 *
 * @param alias the executor's alias
 * @param time when it happened
 */
public record ExecutorRemoved(String alias, Instant time) implements SchedulerEvent {

  @Override
  public EventType type() {
    return EventType.EXECUTOR_REMOVED;
  }
}
