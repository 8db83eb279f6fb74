package io.scheduler.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * A {@code scheduler.*} property has a value the scheduler cannot use. The message names the key,
 * the value and what is allowed; the starter's failure analyzer shows them at startup.
 */
public class InvalidSchedulerPropertyException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String key;
  private final @Nullable String value;
  private final String allowed;

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
    super(message, cause);
    this.key = key;
    this.value = value == null ? null : String.valueOf(value);
    this.allowed = allowed;
  }

  /**
   * Returns the property key.
   *
   * @return the full key
   */
  public String key() {
    return key;
  }

  /**
   * Returns the rejected value.
   *
   * @return the value as text, or {@code null} when it was missing
   */
  public @Nullable String value() {
    return value;
  }

  /**
   * Returns what the key accepts.
   *
   * @return a description such as {@code a positive integer}
   */
  public String allowed() {
    return allowed;
  }
}
