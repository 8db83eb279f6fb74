package io.scheduler.event;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A run of a job completed normally. For a task that returned a {@code CompletionStage}, this is
 * when the stage completed.
 *
 * @param jobId the job's id
 * @param jobStore the alias of the store that holds the job
 * @param scheduledRunTime the run time this run was for
 * @param returnValue what the task returned (the stage's value for asynchronous tasks), or {@code
 *     null}
 * @param time when it completed
 */
public record JobExecuted(
    String jobId,
    String jobStore,
    Instant scheduledRunTime,
    @Nullable Object returnValue,
    Instant time)
    implements JobEvent {

  @Override
  public EventType type() {
    return EventType.JOB_EXECUTED;
  }
}
