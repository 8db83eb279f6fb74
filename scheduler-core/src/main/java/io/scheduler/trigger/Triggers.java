package io.scheduler.trigger;

import io.scheduler.exception.InvalidTriggerException;
import io.scheduler.internal.Require;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds triggers, most often from APScheduler's {@code add_job(trigger=alias, **options)} form:
 * {@code Triggers.create("cron", Map.of("day_of_week", "mon-fri", "hour", 5, "minute", 30), zone)}.
 */
public final class Triggers {

  /** The aliases {@link #create} accepts. */
  public static final List<String> ALIASES =
      List.of("date", "interval", "cron", "calendarinterval", "and", "or");

  private static final TriggerOptions.Schema DATE =
      new TriggerOptions.Schema("date", "run_date", "timezone");
  private static final TriggerOptions.Schema INTERVAL =
      new TriggerOptions.Schema(
          "interval",
          "weeks",
          "days",
          "hours",
          "minutes",
          "seconds",
          "start_date",
          "end_date",
          "timezone",
          "jitter");
  private static final TriggerOptions.Schema CRON =
      new TriggerOptions.Schema(
          "cron",
          "year",
          "month",
          "day",
          "week",
          "day_of_week",
          "hour",
          "minute",
          "second",
          "expression",
          "start_date",
          "end_date",
          "timezone",
          "jitter",
          "dst_overlap");
  private static final TriggerOptions.Schema CALENDAR_INTERVAL =
      new TriggerOptions.Schema(
          "calendarinterval",
          "years",
          "months",
          "weeks",
          "days",
          "hour",
          "minute",
          "second",
          "start_date",
          "end_date",
          "timezone",
          "jitter");
  private static final TriggerOptions.Schema AND =
      new TriggerOptions.Schema("and", "triggers", "timezone", "jitter");
  private static final TriggerOptions.Schema OR =
      new TriggerOptions.Schema("or", "triggers", "timezone", "jitter");

  private static final Map<String, TriggerOptions.Schema> SCHEMAS =
      Map.of(
          "date", DATE,
          "interval", INTERVAL,
          "cron", CRON,
          "calendarinterval", CALENDAR_INTERVAL,
          "and", AND,
          "or", OR);

  private Triggers() {}

  /**
   * Builds a trigger from an alias and APScheduler's option names.
   *
   * <p>Keys are snake_case ({@code day_of_week}, {@code start_date}); camelCase and kebab-case
   * spellings are accepted. Values may be strings, numbers, {@code ZonedDateTime}, {@code
   * OffsetDateTime}, {@code LocalDateTime} (read in the trigger's zone), {@code LocalDate}, {@code
   * Instant}, {@code Duration} or ISO-8601 strings; {@code timezone} is an IANA id; {@code and} and
   * {@code or} take {@code triggers}, a list of triggers; {@code jitter} is seconds or a duration.
   *
   * @param alias {@code date}, {@code interval}, {@code cron}, {@code calendarinterval}, {@code
   *     and} or {@code or}
   * @param options the trigger's options; null values count as absent
   * @param defaultZone the zone used when {@code timezone} is not given
   * @return the trigger
   * @throws InvalidTriggerException naming the option and value when an option is invalid
   */
  public static Trigger create(String alias, Map<String, ?> options, ZoneId defaultZone) {
    Require.requireNonNull(options, "options");
    Require.requireNonNull(defaultZone, "defaultZone");
    // The alias as written first: it is nearly always lower case already.
    TriggerOptions.Schema schema = alias == null ? null : SCHEMAS.get(alias);
    if (schema == null) {
      schema = SCHEMAS.get(alias == null ? "" : alias.trim().toLowerCase(Locale.ROOT));
    }
    if (schema == null) {
      throw new InvalidTriggerException(
          "trigger",
          alias,
          "unknown trigger alias '" + alias + "' (expected one of " + ALIASES + ")");
    }
    TriggerOptions parsed = new TriggerOptions(schema, options);
    if (schema == DATE) {
      return DateTrigger.create(parsed, defaultZone);
    } else if (schema == INTERVAL) {
      return IntervalTrigger.create(parsed, defaultZone);
    } else if (schema == CRON) {
      return CronTrigger.create(parsed, defaultZone);
    } else if (schema == CALENDAR_INTERVAL) {
      return CalendarIntervalTrigger.create(parsed, defaultZone);
    } else if (schema == AND) {
      return AndTrigger.create(parsed, defaultZone);
    }
    return OrTrigger.create(parsed, defaultZone);
  }

  /**
   * A cron trigger from an expression: 5 fields (crontab), 6 fields (Spring's dialect) or a macro.
   *
   * @param expression the expression
   * @param zone the zone whose wall clock it follows
   * @return the trigger
   */
  public static CronTrigger cron(String expression, ZoneId zone) {
    return CronTrigger.parse(expression, zone);
  }

  /**
   * An interval trigger whose first fire comes one interval after it is first asked.
   *
   * @param interval the time between fires
   * @return the trigger
   */
  public static IntervalTrigger interval(Duration interval) {
    return IntervalTrigger.every(interval);
  }

  /**
   * A trigger that fires once.
   *
   * @param runDate when
   * @return the trigger
   */
  public static DateTrigger date(ZonedDateTime runDate) {
    return DateTrigger.at(runDate);
  }

  /**
   * Fires when all of {@code triggers} fire at the same instant.
   *
   * @param triggers the sub-triggers
   * @return the trigger
   */
  public static AndTrigger and(Trigger... triggers) {
    return AndTrigger.of(List.of(triggers));
  }

  /**
   * Fires whenever any of {@code triggers} fires.
   *
   * @param triggers the sub-triggers
   * @return the trigger
   */
  public static OrTrigger or(Trigger... triggers) {
    return OrTrigger.of(List.of(triggers));
  }
}
