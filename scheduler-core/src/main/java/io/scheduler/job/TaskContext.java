package io.scheduler.job;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a {@link Task} knows about the run it performs.
 *
 * @param job the job, as it was when the run was submitted
 * @param scheduledRunTime the run time this run is for (it starts at or after it)
 */
public record TaskContext(Job job, Instant scheduledRunTime) {

  /**
   * Returns the job's id.
   *
   * @return the id
   */
  public String jobId() {
    return job.id();
  }

  /**
   * Returns the job's positional arguments.
   *
   * @return the args, unmodifiable
   */
  public List<Object> args() {
    return job.args();
  }

  /**
   * Returns the job's keyword arguments.
   *
   * @return the kwargs, unmodifiable
   */
  public Map<String, Object> kwargs() {
    return job.kwargs();
  }
}
