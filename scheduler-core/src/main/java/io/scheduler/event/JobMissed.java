package io.scheduler.event;

import java.time.Instant;

/**
 * A run of a job was skipped because it would have started later than the job's misfire grace time
 * after its scheduled run time.
 *
 * @param jobId the job's id
 * @param jobStore the alias of the store that holds the job
 * @param scheduledRunTime the run time that was missed
 * @param time when the miss was detected
 */
public record JobMissed(String jobId, String jobStore, Instant scheduledRunTime, Instant time)
    implements JobEvent {

  @Override
  public EventType type() {
    return EventType.JOB_MISSED;
  }
}
