package io.scheduler.exception;

import org.jspecify.annotations.Nullable;

/**
 * A trigger was given an option or expression it cannot accept. The message names the field, the
 * rejected value and what is allowed, for example {@code cron field 'hour': 24 is out of range 0-23
 * in "*&#47;5,24"}.
 *
 * <p>It is an {@link IllegalArgumentException}, so callers that validate generically keep working.
 */
public class InvalidTriggerException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final @Nullable String value;

  /**
   * Creates an exception for one rejected field value.
   *
   * @param field the option or cron field that was rejected, such as {@code hour}
   * @param value the rejected value as given, or {@code null} when it was missing
   * @param message the full message, naming field, value and what is allowed
   */
  public InvalidTriggerException(String field, @Nullable Object value, String message) {
    super(message);
    this.field = field;
    this.value = value == null ? null : String.valueOf(value);
  }

  /**
   * Returns the rejected option or field name.
   *
   * @return the field name, such as {@code day_of_week} or {@code start_date}
   */
  public String field() {
    return field;
  }

  /**
   * Returns the rejected value as text.
   *
   * @return the value, or {@code null} when the value was missing
   */
  public @Nullable String value() {
    return value;
  }
}
