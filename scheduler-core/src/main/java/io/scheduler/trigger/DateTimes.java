package io.scheduler.trigger;

import io.scheduler.exception.InvalidTriggerException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

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

  // The epoch seconds whose local date-time exists at every offset (offsets span +-18 hours).
  private static final long FIRST_IN_EVERY_ZONE =
      LocalDateTime.MIN.toEpochSecond(ZoneOffset.UTC) + ZoneOffset.MAX.getTotalSeconds();
  private static final long LAST_IN_EVERY_ZONE =
      LocalDateTime.MAX.toEpochSecond(ZoneOffset.UTC) - ZoneOffset.MAX.getTotalSeconds();

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

  /**
   * The instant of a date-time option value: {@code toZoned(field, value, zone).toInstant()},
   * without building the zoned date-time when the value already is an instant, zoned or offset
   * date-time that every zone can show.
   */
  static Instant toInstant(String field, Object value, ZoneId zone) {
    if (value instanceof Instant instant && inEveryZone(instant.getEpochSecond())) {
      return instant;
    }
    if (value instanceof ZonedDateTime zoned && inEveryZone(zoned.toEpochSecond())) {
      return zoned.toInstant();
    }
    if (value instanceof OffsetDateTime offset && inEveryZone(offset.toEpochSecond())) {
      return offset.toInstant();
    }
    return toZoned(field, value, zone).toInstant();
  }

  /** Whether the local date-time of an epoch second is representable whatever the offset. */
  private static boolean inEveryZone(long epochSecond) {
    return epochSecond >= FIRST_IN_EVERY_ZONE && epochSecond <= LAST_IN_EVERY_ZONE;
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
    OffsetDateTime canonical = parseCanonical(text);
    if (canonical != null) {
      return canonical.atZoneSameInstant(zone);
    }
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

  /**
   * Reads the form stored jobs use, {@code 2026-03-29T02:30:00[.fraction](Z|+01:00)}, without a
   * pattern or a formatter (stores read one per job they load); null for any other form.
   *
   * @throws DateTimeException when a field is out of range
   */
  static @Nullable OffsetDateTime parseCanonical(String text) {
    int length = text.length();
    if (length < 20
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int i = 19;
    int nano = 0;
    if (text.charAt(i) == '.') {
      int start = ++i;
      while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        i++;
      }
      int fraction = i - start;
      if (fraction < 1 || fraction > 9) {
        return null;
      }
      nano = digits(text, start, fraction);
      for (int k = fraction; k < 9; k++) {
        nano *= 10;
      }
    }
    ZoneOffset offset;
    if (i == length - 1 && text.charAt(i) == 'Z') {
      offset = ZoneOffset.UTC;
    } else if (i == length - 6
        && (text.charAt(i) == '+' || text.charAt(i) == '-')
        && text.charAt(i + 3) == ':') {
      int hours = digits(text, i + 1, 2);
      int minutes = digits(text, i + 4, 2);
      if ((hours | minutes) < 0) {
        return null;
      }
      int sign = text.charAt(i) == '-' ? -1 : 1;
      offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    } else {
      return null;
    }
    return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
  }

  /** The decimal value of {@code count} digits at {@code from}, or -1 if one is not a digit. */
  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
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
