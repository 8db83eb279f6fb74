package io.scheduler.event;

import java.time.Instant;
import java.util.List;

/**
 * Runs of a job were handed to its executor. Several run times appear when overdue runs were not
 * coalesced; they run one after the other in one instance.
 *
 * @param jobId the job's id
 * @param jobStore the alias of the store that holds the job
 * @param scheduledRunTimes the run times concerned, earliest first
 * @param time when it happened
 */
public record JobSubmitted(
    String jobId, String jobStore, List<Instant> scheduledRunTimes, Instant time)
    implements JobEvent {

  /**
   * Creates the event, copying the run times.
   *
   * @param jobId the job's id
   * @param jobStore the alias of the store that holds the job
   * @param scheduledRunTimes the run times concerned, earliest first
   * @param time when it happened
   */
  public JobSubmitted {
    scheduledRunTimes = List.copyOf(scheduledRunTimes);
  }

  @Override
  public EventType type() {
    return EventType.JOB_SUBMITTED;
  }
}
