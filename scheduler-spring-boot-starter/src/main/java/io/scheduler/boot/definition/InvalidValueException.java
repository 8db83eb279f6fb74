package io.scheduler.boot.definition;

import org.jspecify.annotations.Nullable;

/**
 * A setting of the scheduler (a property, an annotation attribute) has a value it cannot use: the
 * one shape of the starter's configuration errors, which names the key, the value and what is
 * allowed, for the failure analyzer to show.
 */
public class InvalidValueException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String key;
  private final @Nullable String value;
  private final String allowed;

  /**
   * Creates the exception.
   *
   * @param key the full property key or the annotation attribute
   * @param value the rejected value, or {@code null} when it is missing
   * @param allowed what the key accepts, such as {@code a positive integer}
   * @param message the full message, naming key and value
   * @param cause the underlying failure, or {@code null}
   */
  public InvalidValueException(
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
   * Returns the key of the bad value.
   *
   * @return the full property key or the annotation attribute
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
