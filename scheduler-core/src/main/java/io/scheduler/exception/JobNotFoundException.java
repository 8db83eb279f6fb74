package io.scheduler.exception;

import org.jspecify.annotations.Nullable;

/** No job with the given id exists (in the given job store, when one was named). */
public class JobNotFoundException extends SchedulerException {

  private static final long serialVersionUID = 1L;

  private final String jobId;

  /**
   * Creates the exception for a job id.
   *
   * @param jobId the id that was looked up
   * @param jobStore the store searched, or {@code null} when all stores were searched
   */
  public JobNotFoundException(String jobId, @Nullable String jobStore) {
    super(
        "No job by the id '"
            + jobId
            + "' was found"
            + (jobStore == null ? "" : " in job store '" + jobStore + "'"));
    this.jobId = jobId;
  }

  /**
   * Returns the id that was not found.
   *
   * @return the job id
   */
  public String jobId() {
    return jobId;
  }
}
