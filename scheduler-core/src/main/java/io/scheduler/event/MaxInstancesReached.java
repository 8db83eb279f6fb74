package io.scheduler.event;

import java.time.Instant;
import java.util.List;

/**
 * Runs of a job were skipped because it already ran its maximum number of instances. The run times
 * are lost; the job's next run time advances as usual.
 *
 * @param jobId the job's id
 * @param jobStore the alias of the store that holds the job
 * @param scheduledRunTimes the run times concerned, earliest first
 * @param time when it happened
 */
public record MaxInstancesReached(
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
  public MaxInstancesReached {
    scheduledRunTimes = List.copyOf(scheduledRunTimes);
  }

  @Override
  public EventType type() {
    return EventType.JOB_MAX_INSTANCES;
  }
}
