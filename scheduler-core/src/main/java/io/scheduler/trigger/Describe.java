package io.scheduler.trigger;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** APScheduler-style text for {@code toString()}: Python's timedelta and datetime reprs. */
final class Describe {

  private static final DateTimeFormatter DATE_TIME_ZONE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.ROOT);

  private Describe() {}

  /** Like Python's {@code str(timedelta)}: {@code 0:00:10}, {@code 1 day, 2:00:00}. */
  static String timedelta(Duration duration) {
    long days = duration.toDays();
    Duration rest = duration.minusDays(days);
    String time =
        String.format(
            Locale.ROOT,
            "%d:%02d:%02d",
            rest.toHours(),
            rest.toMinutesPart(),
            rest.toSecondsPart());
    if (rest.getNano() != 0) {
      time += String.format(Locale.ROOT, ".%06d", rest.getNano() / 1000);
    }
    return days == 0 ? time : days + (days == 1 ? " day, " : " days, ") + time;
  }

  /** Like APScheduler's {@code datetime_repr}: {@code 2024-03-10 03:30:00 EDT}. */
  static String dateTime(ZonedDateTime time) {
    return DATE_TIME_ZONE.format(time);
  }

  static String iso(ZonedDateTime time) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
  }
}
