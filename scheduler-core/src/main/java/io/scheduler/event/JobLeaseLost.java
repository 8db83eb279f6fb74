package io.scheduler.event;

import java.time.Instant;
import java.util.List;

/**
 * This scheduler lost its hold on a job in a shared store because its lease expired and another
 * scheduler took the job or run over: the fencing check refused this scheduler's change (a release,
 * a lease renewal or the completion of a run), which changed nothing. The other scheduler runs what
 * is left.
 *
 * @param jobId the job's id
 * @param jobStore the alias of the store that holds the job
 * @param scheduledRunTimes the run times concerned (empty for a lost acquisition)
 * @param time when it was detected
 */
public record JobLeaseLost(
    String jobId, String jobStore, List<Instant> scheduledRunTimes, Instant time)
    implements JobEvent {

  /**
   * Creates the event, copying the run times.
   *
   * @param jobId the job's id
   * @param jobStore the alias of the store that holds the job
   * @param scheduledRunTimes the run times concerned
   * @param time when it was detected
   */
  public JobLeaseLost {
    scheduledRunTimes = List.copyOf(scheduledRunTimes);
  }

  @Override
  public EventType type() {
    return EventType.JOB_LEASE_LOST;
  }
}
