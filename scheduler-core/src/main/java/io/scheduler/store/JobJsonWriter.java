package io.scheduler.store;

import io.scheduler.internal.Json;
import io.scheduler.internal.JsonValues;
import io.scheduler.job.Job;
import io.scheduler.job.TaskRef;
import io.scheduler.trigger.DateTrigger;
import io.scheduler.trigger.TriggerJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * Writes {@link JobJson}'s form straight into one {@link StringBuilder}, byte for byte what the
 * shared mapper writes for the same job as a map ({@code JobJsonWriterTest} compares them): no
 * intermediate maps, field names as constants, and args and kwargs checked while they are written.
 * A date trigger is written without its options map; other triggers from {@link TriggerJson#toMap}.
 * Values the writer does not handle itself (a {@code Double}, a {@code BigDecimal}) are written by
 * the mapper; a value that is no JSON value ends the writing with {@link #UNWRITABLE}, and {@link
 * JobJson} then names the problem.
 */
final class JobJsonWriter {

  /** Thrown when an arg or kwarg is no JSON value, or nested too deep. */
  static final Unwritable UNWRITABLE = new Unwritable();

  /** The length of a date job's JSON without its id, name, task and executor, rounded up. */
  private static final int CONSTANT_LENGTH = 256;

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** The escape after a backslash for characters below 0x20 that have a short one, else 'u'. */
  private static final char[] SHORT_ESCAPES = new char[0x20];

  static {
    java.util.Arrays.fill(SHORT_ESCAPES, 'u');
    SHORT_ESCAPES['\b'] = 'b';
    SHORT_ESCAPES['\t'] = 't';
    SHORT_ESCAPES['\n'] = 'n';
    SHORT_ESCAPES['\f'] = 'f';
    SHORT_ESCAPES['\r'] = 'r';
  }

  private JobJsonWriter() {}

  /**
   * Writes a job whose task is {@code ref}.
   *
   * @throws Unwritable when an arg or kwarg is no JSON value
   * @throws IllegalArgumentException when the trigger has no JSON form
   */
  static String write(Job job, TaskRef ref) {
    // Room for the usual job without growing: the constant text, its own strings, a guess for
    // each arg and kwarg and for the options of a trigger other than a date.
    StringBuilder out =
        new StringBuilder(
            CONSTANT_LENGTH
                + job.id().length()
                + job.name().length()
                + ref.value().length()
                + job.executor().length()
                + 32 * (job.args().size() + job.kwargs().size())
                + (job.trigger() instanceof DateTrigger ? 0 : 64));
    out.append("{\"format\":").append(JobJson.FORMAT_VERSION).append(",\"id\":");
    string(out, job.id());
    out.append(",\"name\":");
    string(out, job.name());
    out.append(",\"task\":");
    string(out, ref.value());
    out.append(",\"trigger\":");
    trigger(out, job);
    out.append(",\"args\":");
    // At depth -1: JsonValues counts the depth of each arg and kwarg from 0.
    list(out, job.args(), -1, true);
    out.append(",\"kwargs\":");
    map(out, job.kwargs(), -1, true);
    out.append(",\"misfire_grace_time\":");
    if (job.misfireGraceTime().isPresent()) {
      string(out, job.misfireGraceTime().get().toString());
    } else {
      out.append("null");
    }
    out.append(",\"coalesce\":");
    string(out, job.coalesce().name());
    out.append(",\"max_instances\":").append(job.maxInstances()).append(",\"executor\":");
    string(out, job.executor());
    return out.append('}').toString();
  }

  /** The trigger as {@link TriggerJson#toMap} gives it; a date trigger without the map. */
  private static void trigger(StringBuilder out, Job job) {
    if (job.trigger() instanceof DateTrigger date) {
      ZonedDateTime runDate = date.runDate();
      out.append("{\"type\":\"date\",\"run_date\":\"");
      isoOffsetDateTime(out, runDate);
      out.append("\",\"timezone\":");
      string(out, runDate.getZone().getId());
      out.append('}');
      return;
    }
    Map<String, Object> map;
    try {
      map = TriggerJson.toMap(job.trigger());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "job '" + job.id() + "' cannot be stored in a persistent job store: " + e.getMessage(),
          e);
    }
    map(out, map, 0, false);
  }

  /**
   * Writes a value; {@code strict} (args and kwargs) refuses what is no JSON value by {@link
   * JsonValues}' rule with {@link #UNWRITABLE}, otherwise (trigger options) the mapper writes it.
   */
  private static void value(StringBuilder out, @Nullable Object value, int depth, boolean strict) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String text) {
      string(out, text);
    } else if (value instanceof Integer || value instanceof Long) {
      out.append(((Number) value).longValue());
    } else if (value instanceof Boolean bool) {
      out.append(bool.booleanValue());
    } else if (value instanceof List<?> list) {
      list(out, list, depth, strict);
    } else if (value instanceof Map<?, ?> map) {
      map(out, map, depth, strict);
    } else if (value instanceof Short || value instanceof Byte) {
      out.append(((Number) value).intValue());
    } else if (value instanceof BigInteger) {
      out.append(value);
    } else if (!strict
        || value instanceof BigDecimal
        || ((value instanceof Double || value instanceof Float)
            && Double.isFinite(((Number) value).doubleValue()))) {
      out.append(Json.write(value));
    } else {
      throw UNWRITABLE;
    }
  }

  private static void list(StringBuilder out, List<?> list, int depth, boolean strict) {
    if (depth == JsonValues.MAX_DEPTH) {
      throw UNWRITABLE;
    }
    out.append('[');
    if (list instanceof RandomAccess) {
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        value(out, list.get(i), depth + 1, strict);
      }
    } else {
      boolean first = true;
      for (Object element : list) {
        if (!first) {
          out.append(',');
        }
        first = false;
        value(out, element, depth + 1, strict);
      }
    }
    out.append(']');
  }

  private static void map(StringBuilder out, Map<?, ?> map, int depth, boolean strict) {
    if (depth == JsonValues.MAX_DEPTH) {
      throw UNWRITABLE;
    }
    out.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        throw UNWRITABLE;
      }
      if (!first) {
        out.append(',');
      }
      first = false;
      string(out, key);
      out.append(':');
      value(out, entry.getValue(), depth + 1, strict);
    }
    out.append('}');
  }

  /** A JSON string, escaped as the mapper escapes: quote, backslash and control characters. */
  static void string(StringBuilder out, String text) {
    out.append('"');
    int length = text.length();
    int plain = 0;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      out.append(text, plain, i).append('\\');
      if (c == '"' || c == '\\') {
        out.append(c);
      } else if (SHORT_ESCAPES[c] != 'u') {
        out.append(SHORT_ESCAPES[c]);
      } else {
        out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
      plain = i + 1;
    }
    out.append(text, plain, length).append('"');
  }

  /**
   * {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME}'s output: a year of four digits or more (a sign
   * beyond 9999 or below 0), the seconds always, the fraction without trailing zeros, and the
   * offset as {@code Z} or {@code +HH:MM[:SS]}.
   */
  static void isoOffsetDateTime(StringBuilder out, ZonedDateTime time) {
    int year = time.getYear();
    if (year > 9999) {
      out.append('+').append(year);
    } else if (year < 0) {
      out.append('-');
      pad(out, -year, 4);
    } else {
      pad(out, year, 4);
    }
    out.append('-');
    pad(out, time.getMonthValue(), 2);
    out.append('-');
    pad(out, time.getDayOfMonth(), 2);
    out.append('T');
    pad(out, time.getHour(), 2);
    out.append(':');
    pad(out, time.getMinute(), 2);
    out.append(':');
    pad(out, time.getSecond(), 2);
    int nano = time.getNano();
    if (nano != 0) {
      int digits = 9;
      while (nano % 10 == 0) {
        nano /= 10;
        digits--;
      }
      out.append('.');
      pad(out, nano, digits);
    }
    ZoneOffset offset = time.getOffset();
    int seconds = offset.getTotalSeconds();
    if (seconds == 0) {
      out.append('Z');
      return;
    }
    out.append(seconds < 0 ? '-' : '+');
    int absolute = Math.abs(seconds);
    pad(out, absolute / 3600, 2);
    out.append(':');
    pad(out, absolute / 60 % 60, 2);
    if (absolute % 60 != 0) {
      out.append(':');
      pad(out, absolute % 60, 2);
    }
  }

  /** {@code value} (not negative) with leading zeros to {@code width} digits. */
  private static void pad(StringBuilder out, int value, int width) {
    for (int limit = 10, digits = 1; digits < width; limit *= 10, digits++) {
      if (value < limit) {
        out.append('0');
      }
    }
    out.append(value);
  }

  /** The one signal that the writer cannot write a job: preallocated, without a stack trace. */
  static final class Unwritable extends RuntimeException {
    private Unwritable() {
      super("an arg or kwarg has no JSON form", null, false, false);
    }
  }
}
