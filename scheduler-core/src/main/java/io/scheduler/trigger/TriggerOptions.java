package io.scheduler.trigger;

import io.scheduler.config.Durations;
import io.scheduler.exception.InvalidTriggerException;
import io.scheduler.internal.Keys;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The options of one {@link Triggers#create} call: keys normalised to APScheduler's snake_case
 * (camelCase and kebab-case accepted), unknown keys rejected with a did-you-mean, null values
 * treated as absent, and typed readers whose errors name the key and the value.
 */
final class TriggerOptions {

  /**
   * The option keys one alias accepts, each at a fixed index, in the order error messages list
   * them; built once per alias.
   */
  static final class Schema {

    private final String alias;
    private final List<String> keys;

    Schema(String alias, String... keys) {
      if (keys.length > Long.SIZE) {
        throw new IllegalArgumentException("at most 64 option keys, but " + alias + " has more");
      }
      this.alias = alias;
      this.keys = List.of(keys);
    }

    /** The index of a canonical key, or -1 when this alias does not take it. */
    int indexOf(String key) {
      // A short scan: the readers pass the same string constants the keys were declared with.
      for (int i = 0; i < keys.size(); i++) {
        if (keys.get(i) == key) {
          return i;
        }
      }
      for (int i = 0; i < keys.size(); i++) {
        if (keys.get(i).equals(key)) {
          return i;
        }
      }
      return -1;
    }
  }

  private static final Class<?> MAP_OF_ONE = Map.of("k", "v").getClass();
  private static final Class<?> MAP_OF_N = Map.of().getClass();

  private final Schema schema;
  // By the schema's index; null for absent.
  private final @Nullable Object[] values;

  TriggerOptions(Schema schema, Map<String, ?> raw) {
    this.schema = schema;
    this.values = new Object[schema.keys.size()];
    // What a partial readCanonical stored, readAnySpelling stores again from the same entries.
    if (!readCanonical(raw)) {
      readAnySpelling(raw);
    }
  }

  /**
   * Reads a map whose keys are all canonical and allowed and whose values are all non-null, the
   * common case; false (having read part of it) for any other map.
   */
  private boolean readCanonical(Map<String, ?> raw) {
    if (!isEqualsKeyed(raw.getClass())) {
      return false;
    }
    int found = 0;
    for (int i = 0; i < values.length && found < raw.size(); i++) {
      Object value = raw.get(schema.keys.get(i));
      if (value != null) {
        values[i] = value;
        found++;
      }
    }
    return found == raw.size();
  }

  /**
   * Whether maps of this class find keys by {@code equals}, so that a map holding only canonical
   * keys can be read by looking each key up.
   */
  private static boolean isEqualsKeyed(Class<?> type) {
    return type == MAP_OF_ONE
        || type == MAP_OF_N
        || type == HashMap.class
        || type == LinkedHashMap.class
        || type == ConcurrentHashMap.class;
  }

  private void readAnySpelling(Map<String, ?> raw) {
    long seen = 0;
    for (Map.Entry<String, ?> entry : raw.entrySet()) {
      // A key this alias takes as written is already snake_case.
      String key = entry.getKey();
      int index = schema.indexOf(key);
      if (index < 0) {
        key = Keys.snakeCase(key);
        index = schema.indexOf(key);
      }
      if (index < 0) {
        throw new InvalidTriggerException(
            entry.getKey(),
            entry.getValue(),
            "unknown "
                + schema.alias
                + " trigger option '"
                + entry.getKey()
                + "'"
                + Keys.didYouMean(key, schema.keys)
                + " (allowed: "
                + String.join(", ", schema.keys)
                + ")");
      }
      if ((seen & (1L << index)) != 0) {
        throw new InvalidTriggerException(
            entry.getKey(),
            entry.getValue(),
            schema.alias
                + " trigger option '"
                + key
                + "' is given twice, as '"
                + firstSpelling(raw, key)
                + "' and '"
                + entry.getKey()
                + "'");
      }
      seen |= 1L << index;
      values[index] = entry.getValue();
    }
  }

  private static String firstSpelling(Map<String, ?> raw, String key) {
    for (String spelling : raw.keySet()) {
      if (Keys.snakeCase(spelling).equals(key)) {
        return spelling;
      }
    }
    throw new IllegalStateException("no spelling of " + key);
  }

  private @Nullable Object value(String key) {
    int index = schema.indexOf(key);
    return index < 0 ? null : values[index];
  }

  boolean has(String key) {
    return value(key) != null;
  }

  @Nullable Object raw(String key) {
    return value(key);
  }

  InvalidTriggerException invalid(String key, @Nullable Object value, String why) {
    return new InvalidTriggerException(
        key,
        value,
        schema.alias + " trigger option '" + key + "': " + why + ", but was '" + value + "'");
  }

  ZoneId zone(ZoneId defaultZone) {
    Object value = value("timezone");
    if (value == null) {
      return defaultZone;
    }
    if (value instanceof ZoneId zone) {
      return zone;
    }
    if (value instanceof java.util.TimeZone timeZone) {
      return timeZone.toZoneId();
    }
    try {
      return ZoneId.of(value.toString().trim());
    } catch (DateTimeException e) {
      throw invalid(
          "timezone", value, "must be an IANA time zone id such as 'Europe/Berlin' or 'UTC'");
    }
  }

  /** A cron field expression: a string, or an integer. */
  @Nullable String expression(String key) {
    Object value = value(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return value.toString();
    }
    if (value instanceof CharSequence chars) {
      return chars.toString().trim();
    }
    throw invalid(key, value, "must be a string expression or a whole number");
  }

  @Nullable ZonedDateTime dateTime(String key, ZoneId zone) {
    Object value = value(key);
    return value == null ? null : DateTimes.toZoned(key, value, zone);
  }

  /** {@link #dateTime}'s instant, read without building a zoned date-time where possible. */
  @Nullable Instant instant(String key, ZoneId zone) {
    Object value = value(key);
    return value == null ? null : DateTimes.toInstant(key, value, zone);
  }

  @Nullable LocalDate date(String key, ZoneId zone) {
    Object value = value(key);
    return value == null ? null : DateTimes.toLocalDate(key, value, zone);
  }

  /** A non-negative number (interval units): any {@link Number} or numeric string. */
  BigDecimal amount(String key) {
    Object value = value(key);
    if (value == null) {
      return BigDecimal.ZERO;
    }
    BigDecimal amount;
    try {
      amount =
          value instanceof BigDecimal decimal
              ? decimal
              : isWholeNumber(value)
                  ? BigDecimal.valueOf(((Number) value).longValue())
                  : new BigDecimal(value.toString().trim());
    } catch (NumberFormatException e) {
      throw invalid(key, value, "must be a number");
    }
    if (!(value instanceof Number || value instanceof CharSequence)) {
      throw invalid(key, value, "must be a number");
    }
    if (amount.signum() < 0) {
      throw invalid(key, value, "must not be negative");
    }
    return amount;
  }

  private static boolean isWholeNumber(Object value) {
    return value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte;
  }

  /** A whole number in {@code [min, max]}, or {@code defaultValue} when absent. */
  int integer(String key, int defaultValue, int min, int max) {
    Object value = value(key);
    if (value == null) {
      return defaultValue;
    }
    BigDecimal amount = amount(key);
    int result;
    try {
      result = amount.intValueExact();
    } catch (ArithmeticException e) {
      throw invalid(key, value, "must be a whole number between " + min + " and " + max);
    }
    if (result < min || result > max) {
      throw invalid(key, value, "must be between " + min + " and " + max);
    }
    return result;
  }

  /**
   * A duration: a {@link Duration}, seconds as a number, or text in the {@link Durations} grammar
   * ({@code 30}, {@code 30s}, {@code PT30S}).
   */
  @Nullable Duration duration(String key) {
    Object value = value(key);
    if (value == null) {
      return null;
    }
    Duration duration;
    if (value instanceof Duration d) {
      duration = d;
    } else if (value instanceof CharSequence chars) {
      try {
        duration = Durations.parse(chars.toString());
      } catch (IllegalArgumentException e) {
        throw invalid(
            key,
            value,
            "must be seconds, a duration such as 30s or 500ms, or ISO-8601 such as PT30S");
      }
    } else {
      BigDecimal seconds = amount(key);
      duration =
          Duration.ofSeconds(
              seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }
    String problem = Jitter.problem(duration);
    if (problem != null) {
      throw invalid(key, value, problem);
    }
    return duration;
  }

  DstOverlap dstOverlap() {
    Object value = value("dst_overlap");
    if (value == null) {
      return DstOverlap.BOTH;
    }
    if (value instanceof DstOverlap overlap) {
      return overlap;
    }
    try {
      return DstOverlap.valueOf(value.toString().trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid("dst_overlap", value, "must be 'both' or 'first'");
    }
  }

  List<Trigger> triggers(ZoneId zone) {
    Object value = value("triggers");
    if (!(value instanceof List<?> list) || list.isEmpty()) {
      throw invalid("triggers", value, "must be a non-empty list of triggers");
    }
    List<Trigger> triggers = new ArrayList<>();
    for (Object item : list) {
      if (item instanceof Trigger trigger) {
        triggers.add(trigger);
      } else if (item instanceof Map<?, ?> map) {
        triggers.add(TriggerJson.fromMap(map, zone));
      } else {
        throw invalid("triggers", item, "every element must be a Trigger or a map with a 'type'");
      }
    }
    return triggers;
  }
}
