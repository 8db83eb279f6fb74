package io.scheduler.trigger;

import io.scheduler.exception.InvalidTriggerException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Reads date-time option values. Strings: ISO-8601 with an offset (and optional {@code [zone]}), or
 * a local {@code YYYY-MM-DD HH:MM:SS} / {@code YYYY-MM-DDTHH:MM:SS} / {@code YYYY-MM-DD} read in
 * the trigger's zone, where a wall time inside a gap moves forward by the gap and an ambiguous one
 * takes the earlier offset (APScheduler's rule).
 */
final class DateTimes {

  private static final Pattern WITH_OFFSET =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}(:?\\d{2})?)(\\[.+])?");
  private static final Pattern LOCAL =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private DateTimes() {}

  static ZonedDateTime toZoned(String field, Object value, ZoneId zone) {
    try {
      if (value instanceof ZonedDateTime zoned) {
        return zoned.withZoneSameInstant(zone);
      }
      if (value instanceof OffsetDateTime offset) {
        return offset.atZoneSameInstant(zone);
      }
      if (value instanceof Instant instant) {
        return instant.atZone(zone);
      }
      if (value instanceof LocalDateTime local) {
        return ZonedDateTime.of(local, zone);
      }
      if (value instanceof LocalDate date) {
        return date.atStartOfDay(zone);
      }
      if (value instanceof CharSequence chars) {
        return parse(field, chars.toString().trim(), zone);
      }
    } catch (DateTimeException e) {
      throw invalid(field, value, e.getMessage());
    }
    throw invalid(field, value, "unsupported type " + value.getClass().getName());
  }

  static LocalDate toLocalDate(String field, Object value, ZoneId zone) {
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof CharSequence chars && DATE.matcher(chars.toString().trim()).matches()) {
      try {
        return LocalDate.parse(chars.toString().trim());
      } catch (DateTimeException e) {
        throw invalid(field, value, e.getMessage());
      }
    }
    return toZoned(field, value, zone).toLocalDate();
  }

  private static ZonedDateTime parse(String field, String text, ZoneId zone) {
    if (WITH_OFFSET.matcher(text).matches()) {
      String iso = text.replace(' ', 'T');
      return iso.endsWith("]")
          ? ZonedDateTime.parse(iso).withZoneSameInstant(zone)
          : OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
              .atZoneSameInstant(zone);
    }
    if (LOCAL.matcher(text).matches()) {
      return ZonedDateTime.of(LocalDateTime.parse(text.replace(' ', 'T')), zone);
    }
    if (DATE.matcher(text).matches()) {
      return LocalDate.parse(text).atStartOfDay(zone);
    }
    throw invalid(field, text, "not a date-time");
  }

  private static InvalidTriggerException invalid(String field, Object value, String why) {
    return new InvalidTriggerException(
        field,
        value,
        field
            + ": cannot read '"
            + value
            + "' as a date-time ("
            + why
            + "); expected ISO-8601 such as 2024-03-10T02:30:00-05:00, '2024-03-10 02:30:00'"
            + " or 2024-03-10");
  }
}
