package io.scheduler.event;

import java.time.Instant;

/**
 * A persistent store could not load a job: its stored data is corrupt or its task cannot be
 * resolved. The job is kept as stored (never deleted) and skipped; the other jobs run on. Fix the
 * data or deploy the task, then modify or re-add the job.
 *
 * @param jobId the job's id
 * @param jobStore the alias of the store that holds the job
 * @param reason why it could not be loaded, naming the job
 * @param exception the failure
 * @param time when it happened
 */
public record JobLoadFailed(
    String jobId, String jobStore, String reason, Exception exception, Instant time)
    implements JobEvent {

  @Override
  public EventType type() {
    return EventType.JOB_LOAD_FAILED;
  }
}
