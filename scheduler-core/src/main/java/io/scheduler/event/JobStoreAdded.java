package io.scheduler.event;

import java.time.Instant;

/**
 * A job store was added under an alias.
 *
 * @param alias the store's alias
 * @param time when it happened
 */
public record JobStoreAdded(String alias, Instant time) implements SchedulerEvent {

  @Override
  public EventType type() {
    return EventType.JOBSTORE_ADDED;
  }
}
