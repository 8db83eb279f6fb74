package io.scheduler.trigger.cron;

import io.scheduler.exception.InvalidTriggerException;

/** Builds the message for a rejected field value: field, value, what is allowed, and where. */
final class FieldError {

  private final String context;
  private final String field;
  private final String fieldText;

  /**
   * @param context how the field was given, e.g. {@code cron field} or {@code cron expression "0 0
   *     * 13 *": field}
   * @param field the field name, e.g. {@code hour}
   * @param fieldText the whole text of the field, quoted in the message
   */
  FieldError(String context, String field, String fieldText) {
    this.context = context;
    this.field = field;
    this.fieldText = fieldText;
  }

  String field() {
    return field;
  }

  InvalidTriggerException of(String detail) {
    return new InvalidTriggerException(
        field, fieldText, context + " '" + field + "': " + detail + " in \"" + fieldText + "\"");
  }
}
