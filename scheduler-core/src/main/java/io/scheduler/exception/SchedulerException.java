package io.scheduler.exception;

/** Root of the scheduler's unchecked exceptions about scheduler state and jobs. */
public class SchedulerException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, naming the job, store or setting involved
   */
  public SchedulerException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong, naming the job, store or setting involved
   * @param cause the underlying failure
   */
  public SchedulerException(String message, Throwable cause) {
    super(message, cause);
  }
}
