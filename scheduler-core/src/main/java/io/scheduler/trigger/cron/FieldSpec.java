package io.scheduler.trigger.cron;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The domain of one cron field: its range, where {@code *} starts, and the names it accepts. Values
 * are the field's own numbering (for weekdays that differs per dialect); {@link #names} map
 * lower-case names to them.
 */
record FieldSpec(String name, int min, int max, int starMin, Map<String, Integer> names) {

  FieldSpec(String name, int min, int max, Map<String, Integer> names) {
    this(name, min, max, min, names);
  }

  static final Map<String, Integer> MONTH_NAMES =
      Map.ofEntries(
          Map.entry("jan", 1),
          Map.entry("feb", 2),
          Map.entry("mar", 3),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("aug", 8),
          Map.entry("sep", 9),
          Map.entry("oct", 10),
          Map.entry("nov", 11),
          Map.entry("dec", 12));

  /** APScheduler's weekday names: Monday is 0. */
  static final Map<String, Integer> WEEKDAY_NAMES_MONDAY_0 =
      Map.of("mon", 0, "tue", 1, "wed", 2, "thu", 3, "fri", 4, "sat", 5, "sun", 6);

  /** Crontab's weekday names: Sunday is 0 (and 7 when it closes a range). */
  static final Map<String, Integer> WEEKDAY_NAMES_SUNDAY_0 =
      Map.of("sun", 0, "mon", 1, "tue", 2, "wed", 3, "thu", 4, "fri", 5, "sat", 6);

  /** Spring's weekday names: ISO numbering, Monday 1 to Sunday 7. */
  static final Map<String, Integer> WEEKDAY_NAMES_ISO =
      Map.of("mon", 1, "tue", 2, "wed", 3, "thu", 4, "fri", 5, "sat", 6, "sun", 7);

  static FieldSpec numeric(String name, int min, int max) {
    return new FieldSpec(name, min, max, Map.of());
  }

  @Nullable Integer nameValue(String text) {
    return names.get(text.toLowerCase(Locale.ROOT));
  }

  String range() {
    return min + "-" + max;
  }
}
