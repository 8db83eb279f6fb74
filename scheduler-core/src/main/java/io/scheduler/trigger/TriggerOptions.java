package io.scheduler.trigger;

import io.scheduler.config.Durations;
import io.scheduler.exception.InvalidTriggerException;
import io.scheduler.internal.Keys;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The options of one {@link Triggers#create} call: keys normalised to APScheduler's snake_case
 * (camelCase and kebab-case accepted), unknown keys rejected with a did-you-mean, null values
 * treated as absent, and typed readers whose errors name the key and the value.
 */
final class TriggerOptions {

  private final String alias;
  private final Map<String, Object> values = new LinkedHashMap<>();

  TriggerOptions(String alias, Map<String, ?> raw, Set<String> allowed) {
    this.alias = alias;
    Map<String, String> originalKeys = new LinkedHashMap<>();
    for (Map.Entry<String, ?> entry : raw.entrySet()) {
      String key = Keys.snakeCase(entry.getKey());
      if (!allowed.contains(key)) {
        throw new InvalidTriggerException(
            entry.getKey(),
            entry.getValue(),
            "unknown "
                + alias
                + " trigger option '"
                + entry.getKey()
                + "'"
                + Keys.didYouMean(key, allowed)
                + " (allowed: "
                + String.join(", ", allowed)
                + ")");
      }
      String previous = originalKeys.put(key, entry.getKey());
      if (previous != null) {
        throw new InvalidTriggerException(
            entry.getKey(),
            entry.getValue(),
            alias
                + " trigger option '"
                + key
                + "' is given twice, as '"
                + previous
                + "' and '"
                + entry.getKey()
                + "'");
      }
      if (entry.getValue() != null) {
        values.put(key, entry.getValue());
      }
    }
  }

  boolean has(String key) {
    return values.containsKey(key);
  }

  @Nullable Object raw(String key) {
    return values.get(key);
  }

  InvalidTriggerException invalid(String key, @Nullable Object value, String why) {
    return new InvalidTriggerException(
        key, value, alias + " trigger option '" + key + "': " + why + ", but was '" + value + "'");
  }

  ZoneId zone(ZoneId defaultZone) {
    Object value = values.get("timezone");
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
    Object value = values.get(key);
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
    Object value = values.get(key);
    return value == null ? null : DateTimes.toZoned(key, value, zone);
  }

  @Nullable LocalDate date(String key, ZoneId zone) {
    Object value = values.get(key);
    return value == null ? null : DateTimes.toLocalDate(key, value, zone);
  }

  /** A non-negative number (interval units): any {@link Number} or numeric string. */
  BigDecimal amount(String key) {
    Object value = values.get(key);
    if (value == null) {
      return BigDecimal.ZERO;
    }
    BigDecimal amount;
    try {
      amount =
          value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString().trim());
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

  /** A whole number in {@code [min, max]}, or {@code defaultValue} when absent. */
  int integer(String key, int defaultValue, int min, int max) {
    Object value = values.get(key);
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
    Object value = values.get(key);
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
    Object value = values.get("dst_overlap");
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
    Object value = values.get("triggers");
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
