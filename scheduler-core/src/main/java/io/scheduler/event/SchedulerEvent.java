package io.scheduler.event;

import java.time.Instant;

/**
 * Something that happened in a scheduler. Every event is one of the records in this package; switch
 * over them with pattern matching, or filter by {@link #type()}.
 */
public sealed interface SchedulerEvent
    permits JobEvent,
        SchedulerStarted,
        SchedulerShutdown,
        SchedulerPaused,
        SchedulerResumed,
        ExecutorAdded,
        ExecutorRemoved,
        JobStoreAdded,
        JobStoreRemoved,
        AllJobsRemoved {

  /**
   * Returns the kind of event.
   *
   * @return the type, carrying APScheduler's code
   */
  EventType type();

  /**
   * Returns when the event happened, read from the scheduler's clock.
   *
   * @return the instant
   */
  Instant time();
}
