package io.scheduler.boot.autoconfigure;

import io.scheduler.boot.definition.InvalidValueException;
import org.jspecify.annotations.Nullable;

/**
 * A {@code scheduler.*} property has a value the scheduler cannot use. The message names the key,
 * the value and what is allowed; the starter's failure analyzer shows them at startup.
 */
public class InvalidSchedulerPropertyException extends InvalidValueException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for a value that is not among the allowed ones.
   *
   * @param key the full property key, such as {@code scheduler.executors.default.max-workers}
   * @param value the rejected value, or {@code null} when it is missing
   * @param allowed what the key accepts, such as {@code a positive integer}
   */
  public InvalidSchedulerPropertyException(String key, @Nullable Object value, String allowed) {
    this(key, value, allowed, key + " must be " + allowed + ", but was '" + value + "'", null);
  }

  /**
   * Creates the exception with a message of its own.
   *
   * @param key the full property key
   * @param value the rejected value, or {@code null} when it is missing
   * @param allowed what the key accepts
   * @param message the full message, naming key and value
   * @param cause the underlying failure, or {@code null}
   */
  public InvalidSchedulerPropertyException(
      String key,
      @Nullable Object value,
      String allowed,
      String message,
      @Nullable Throwable cause) {
    super(key, value, allowed, message, cause);
  }
}
