package io.scheduler.exception;

/** A job store failed to read or write jobs; the message names the store and the operation. */
public class JobStoreException extends SchedulerException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what failed, naming the store and the job when there is one
   */
  public JobStoreException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what failed, naming the store and the job when there is one
   * @param cause the underlying failure
   */
  public JobStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
