package io.scheduler.event;

import java.time.Instant;

/**
 * A job was added.
 *
 * @param jobId the job's id
 * @param jobStore the alias of the store that holds the job
 * @param time when it happened
 */
public record JobAdded(String jobId, String jobStore, Instant time) implements JobEvent {

  @Override
  public EventType type() {
    return EventType.JOB_ADDED;
  }
}
