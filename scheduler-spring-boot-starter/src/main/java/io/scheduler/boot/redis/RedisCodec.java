package io.scheduler.boot.redis;

import io.scheduler.store.StoredTimes;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * What {@link RedisJobStore} writes to and reads from Redis besides the jobs' JSON ({@link
 * io.scheduler.store.JobJson}): tokens, the stored form of next run times, and the shapes of the
 * scripts' replies. Times are encoded by {@link StoredTimes}, as in every store.
 */
final class RedisCodec {

  private RedisCodec() {}

  /** A random 64-bit token in hex: versions and (two of them) run ids. */
  static String token() {
    String hex = Long.toHexString(ThreadLocalRandom.current().nextLong());
    return "0".repeat(16 - hex.length()) + hex;
  }

  /**
   * The stored form of a next run time: score (microseconds, rounded up), then the exact instant;
   * empty while paused.
   */
  static String schedule(@Nullable Instant nextRunTime) {
    if (nextRunTime == null) {
      return "";
    }
    return StoredTimes.ceilMicros(nextRunTime) + " " + nextRunTime;
  }

  /** Reads what {@link #schedule} wrote. */
  static @Nullable Instant parseSchedule(String schedule) {
    return schedule.isEmpty() ? null : Instant.parse(schedule.substring(schedule.indexOf(' ') + 1));
  }

  /** A time in microseconds, rounded down, as the scripts compare times. */
  static String micros(Instant time) {
    return Long.toString(StoredTimes.floorMicros(time));
  }

  /** A score the scripts return (microseconds, possibly written as a float) as an instant. */
  static Instant scoreInstant(Object score) {
    return StoredTimes.fromMicros((long) Double.parseDouble(text(score)));
  }

  /** A flat reply of alternating keys and values as a map. */
  static Map<String, String> pairs(Object flat) {
    List<?> list = (List<?>) flat;
    Map<String, String> map = new HashMap<>(list.size());
    for (int i = 0; i + 1 < list.size(); i += 2) {
      map.put(text(list.get(i)), text(list.get(i + 1)));
    }
    return map;
  }

  /** A reply element as text; nil as the empty string. */
  static String text(@Nullable Object value) {
    return value == null ? "" : value.toString();
  }

  /** Whether a reply element is the integer 1. */
  static boolean isOne(@Nullable Object value) {
    return value instanceof Number number && number.longValue() == 1;
  }
}
