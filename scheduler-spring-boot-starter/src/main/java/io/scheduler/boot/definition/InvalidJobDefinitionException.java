package io.scheduler.boot.definition;

import org.jspecify.annotations.Nullable;

/**
 * A job definition has a value the scheduler cannot use. The message names the key (an annotation
 * attribute or a property key), the value and what is allowed.
 */
public class InvalidJobDefinitionException extends InvalidValueException {

  private static final long serialVersionUID = 1L;

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
    super(key, value, allowed, message, cause);
  }
}
