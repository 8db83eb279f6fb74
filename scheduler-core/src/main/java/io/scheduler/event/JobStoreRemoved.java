package io.scheduler.event;

import java.time.Instant;

/**
 * A job store was removed.
 *
 * @param alias the store's alias
 * @param time when it happened
 */
public record JobStoreRemoved(String alias, Instant time) implements SchedulerEvent {

  @Override
  public EventType type() {
    return EventType.JOBSTORE_REMOVED;
  }
}
