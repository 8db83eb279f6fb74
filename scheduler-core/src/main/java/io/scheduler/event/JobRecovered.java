package io.scheduler.event;

import java.time.Instant;
import java.util.List;

/**
 * This scheduler took over a run whose scheduler died or stalled (its claim's lease expired in a
 * shared store) and submits it again. A {@link JobSubmitted} for the same run times follows. The
 * run was on time when it was first claimed, so it runs however late it now is (the misfire grace
 * time does not apply to it).
 *
 * @param jobId the job's id
 * @param jobStore the alias of the store that holds the job
 * @param scheduledRunTimes the run times taken over, earliest first
 * @param time when it happened
 */
public record JobRecovered(
    String jobId, String jobStore, List<Instant> scheduledRunTimes, Instant time)
    implements JobEvent {

  /**
   * Creates the event, copying the run times.
   *
   * @param jobId the job's id
   * @param jobStore the alias of the store that holds the job
   * @param scheduledRunTimes the run times taken over
   * @param time when it happened
   */
  public JobRecovered {
    scheduledRunTimes = List.copyOf(scheduledRunTimes);
  }

  @Override
  public EventType type() {
    return EventType.JOB_RECOVERED;
  }
}
