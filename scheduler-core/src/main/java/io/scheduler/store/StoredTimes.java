package io.scheduler.store;

import io.scheduler.exception.JobStoreException;
import io.scheduler.internal.Json;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * How persistent stores encode times: epoch microseconds for what they index and compare (run
 * times, lease ends), ISO-8601 instants for what they keep exactly (run times of claims), without a
 * formatter on the hot paths. Every store uses these, so times read the same in each.
 */
public final class StoredTimes {

  private StoredTimes() {}

  /**
   * Returns microseconds since the epoch, rounded down (for "now": due means at or before it);
   * instants beyond hundreds of millennia clamp to {@link Long#MIN_VALUE} or {@link
   * Long#MAX_VALUE}.
   *
   * @param time the instant
   * @return its microseconds
   */
  public static long floorMicros(Instant time) {
    try {
      return Math.addExact(
          Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1000);
    } catch (ArithmeticException beyondHundredsOfMillennia) {
      return time.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /**
   * Returns microseconds since the epoch, rounded up (for run times: never earlier than asked).
   *
   * @param time the instant
   * @return its microseconds
   */
  public static long ceilMicros(Instant time) {
    long floor = floorMicros(time);
    return time.getNano() % 1000 == 0 || floor == Long.MAX_VALUE ? floor : floor + 1;
  }

  /**
   * Returns the instant of a number of microseconds since the epoch.
   *
   * @param micros microseconds since the epoch
   * @return the instant
   */
  public static Instant fromMicros(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }

  /**
   * Appends what {@link Instant#toString()} returns, without its formatter for the years 0000 to
   * 9999 (a claim writes one per run).
   *
   * @param out where to append
   * @param time the instant
   */
  public static void appendInstant(StringBuilder out, Instant time) {
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

  /**
   * Writes the run times of a claim as a JSON array of ISO-8601 instants, as {@link
   * Instant#toString()} writes them.
   *
   * @param runTimes the run times
   * @return the JSON array
   */
  public static String runTimesToJson(List<Instant> runTimes) {
    StringBuilder json = new StringBuilder(2 + 33 * runTimes.size()).append('[');
    for (Instant time : runTimes) {
      json.append(json.length() == 1 ? "\"" : ",\"");
      appendInstant(json, time);
      json.append('"');
    }
    return json.append(']').toString();
  }

  /**
   * Reads the run times {@link #runTimesToJson} wrote.
   *
   * @param json the JSON array
   * @return the run times
   * @throws JobStoreException when the text is not such an array
   */
  public static List<Instant> runTimesFromJson(String json) {
    try {
      if (!(Json.read(json) instanceof List<?> array)) {
        throw new IllegalArgumentException("not a JSON array");
      }
      List<Instant> times = new ArrayList<>(array.size());
      for (Object time : array) {
        times.add(Instant.parse(String.valueOf(time)));
      }
      return times;
    } catch (IllegalArgumentException | DateTimeException e) {
      throw new JobStoreException("a run has corrupt run times: " + json, e);
    }
  }

  private static StringBuilder pad(StringBuilder out, int value, int width) {
    for (int limit = 10, digits = 1; digits < width; limit *= 10, digits++) {
      if (value < limit) {
        out.append('0');
      }
    }
    return out.append(value);
  }
}
