package io.scheduler.boot.definition;

import org.jspecify.annotations.Nullable;

/**
 * A job definition has a value the scheduler cannot use. The message names the key (an annotation
 * attribute or a property key), the value and what is allowed.
 */
public class InvalidJobDefinitionException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String key;
  private final @Nullable String value;
  private final String allowed;

  /**
   * Creates the exception.
   *
   * @param key the annotation attribute or the full property key
   * @param value the rejected value, or {@code null} when it is missing
   * @param allowed what the key accepts
   * @param message the full message, naming key and value
   * @param cause the underlying failure, or {@code null}
   */
  public InvalidJobDefinitionException(
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
   * @return the annotation attribute or the full property key
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
