package io.scheduler.store.jdbc;

import io.scheduler.exception.JobStoreException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * How {@link JdbcJobStore} writes values into its columns: times as whole microseconds since the
 * epoch, and a run's run times as a JSON array of ISO-8601 instants.
 */
final class JdbcEncodings {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private JdbcEncodings() {}

  /** Microseconds since the epoch, rounded down (for "now": due means at or before it). */
  static long floorMicros(Instant time) {
    try {
      return Math.addExact(
          Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1000);
    } catch (ArithmeticException e) {
      return time.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /** Microseconds since the epoch, rounded up (for run times: never earlier than asked). */
  static long ceilMicros(Instant time) {
    long floor = floorMicros(time);
    return time.getNano() % 1000 == 0 || floor == Long.MAX_VALUE ? floor : floor + 1;
  }

  static Instant fromMicros(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }

  /** A JSON array of ISO-8601 instants, as {@link Instant#toString()} writes them. */
  static String runTimesJson(List<Instant> runTimes) {
    StringBuilder json = new StringBuilder(2 + 33 * runTimes.size()).append('[');
    for (Instant time : runTimes) {
      json.append(json.length() == 1 ? "\"" : ",\"");
      appendInstant(json, time);
      json.append('"');
    }
    return json.append(']').toString();
  }

  /**
   * Appends what {@link Instant#toString()} returns, without its formatter for the years 0000 to
   * 9999 (a claim writes one per run).
   */
  static void appendInstant(StringBuilder out, Instant time) {
    LocalDateTime utc = LocalDateTime.ofEpochSecond(time.getEpochSecond(), 0, ZoneOffset.UTC);
    int year = utc.getYear();
    if (year < 0 || year > 9999) {
      out.append(time);
      return;
    }
    pad(out, year, 4).append('-');
    pad(out, utc.getMonthValue(), 2).append('-');
    pad(out, utc.getDayOfMonth(), 2).append('T');
    pad(out, utc.getHour(), 2).append(':');
    pad(out, utc.getMinute(), 2).append(':');
    pad(out, utc.getSecond(), 2);
    int nano = time.getNano();
    if (nano != 0) {
      out.append('.');
      if (nano % 1_000_000 == 0) {
        pad(out, nano / 1_000_000, 3);
      } else if (nano % 1000 == 0) {
        pad(out, nano / 1000, 6);
      } else {
        pad(out, nano, 9);
      }
    }
    out.append('Z');
  }

  private static StringBuilder pad(StringBuilder out, int value, int width) {
    for (int limit = 10, digits = 1; digits < width; limit *= 10, digits++) {
      if (value < limit) {
        out.append('0');
      }
    }
    return out.append(value);
  }

  /** Reads what {@link #runTimesJson} wrote. */
  static List<Instant> parseRunTimes(String json) {
    try {
      List<Instant> times = new ArrayList<>();
      for (Object time : MAPPER.readValue(json, List.class)) {
        times.add(Instant.parse(String.valueOf(time)));
      }
      return times;
    } catch (JacksonException | DateTimeParseException e) {
      throw new JobStoreException("a run has corrupt run times: " + json, e);
    }
  }
}
