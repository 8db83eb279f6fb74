package io.scheduler.exception;

/**
 * A persistent job store cannot use its tables (they are missing or lack columns) when it starts;
 * the message names the store, the tables and how to create them.
 */
public class JobStoreSchemaException extends JobStoreException {

  private static final long serialVersionUID = 1L;

  private final String jobStore;

  /**
   * Creates the exception.
   *
   * @param jobStore the alias of the store
   * @param message what is wrong and how to create the tables
   * @param cause the database's error
   */
  public JobStoreSchemaException(String jobStore, String message, Throwable cause) {
    super(message, cause);
    this.jobStore = jobStore;
  }

  /**
   * Returns the alias of the store whose tables cannot be used.
   *
   * @return the store alias
   */
  public String jobStore() {
    return jobStore;
  }
}
