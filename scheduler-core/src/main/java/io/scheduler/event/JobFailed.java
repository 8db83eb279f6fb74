package io.scheduler.event;

import java.time.Instant;

/**
 * A run of a job threw an exception (or its {@code CompletionStage} completed exceptionally). The
 * scheduler carries on; the job keeps its schedule.
 *
 * @param jobId the job's id
 * @param jobStore the alias of the store that holds the job
 * @param scheduledRunTime the run time this run was for
 * @param exception what the task threw
 * @param traceback the exception's stack trace as text
 * @param time when it failed
 */
public record JobFailed(
    String jobId,
    String jobStore,
    Instant scheduledRunTime,
    Throwable exception,
    String traceback,
    Instant time)
    implements JobEvent {

  @Override
  public EventType type() {
    return EventType.JOB_ERROR;
  }
}
