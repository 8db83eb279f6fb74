package io.scheduler.exception;

/**
 * A job store already holds a job with this id. Add the job with {@code replaceExisting(true)} to
 * replace it instead.
 */
public class ConflictingJobIdException extends SchedulerException {

  private static final long serialVersionUID = 1L;

  private final String jobId;

  /**
   * Creates the exception for a job id.
   *
   * @param jobId the id that is already taken
   * @param jobStore the alias of the store that holds it
   */
  public ConflictingJobIdException(String jobId, String jobStore) {
    super(
        "Job identifier '"
            + jobId
            + "' conflicts with an existing job in job store '"
            + jobStore
            + "' (use replaceExisting(true) to replace it)");
    this.jobId = jobId;
  }

  /**
   * Returns the conflicting id.
   *
   * @return the job id
   */
  public String jobId() {
    return jobId;
  }
}
