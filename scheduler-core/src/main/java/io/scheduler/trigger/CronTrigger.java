package io.scheduler.trigger;

import io.scheduler.exception.InvalidTriggerException;
import io.scheduler.internal.Require;
import io.scheduler.trigger.cron.CronSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Fires at the wall-clock times a cron expression matches, in the trigger's zone (APScheduler's
 * {@code cron} trigger). Three syntaxes: APScheduler's keyword fields ({@link #builder()}, or
 * {@code Triggers.create("cron", Map.of("day_of_week", "mon-fri", "hour", 5), zone)}), standard
 * crontab ({@link #fromCrontab}) and Spring's six-field dialect ({@link #parse}).
 *
 * <p>DST follows the wall-clock model: a wall time in a spring-forward gap fires at the instant it
 * maps to with the pre-transition offset (02:30 fires at 03:30 that day), and one that occurs twice
 * fires at both occurrences unless {@link DstOverlap#FIRST} is chosen.
 */
public final class CronTrigger implements BuiltInTrigger {

  /** The eight fields of the keyword form, most significant first. */
  public static final List<String> FIELDS =
      List.of("year", "month", "day", "week", "day_of_week", "hour", "minute", "second");

  private static final Map<String, String> MACROS =
      Map.of(
          "@yearly", "0 0 0 1 1 *",
          "@annually", "0 0 0 1 1 *",
          "@monthly", "0 0 0 1 * *",
          "@weekly", "0 0 0 * * 0",
          "@daily", "0 0 0 * * *",
          "@midnight", "0 0 0 * * *",
          "@hourly", "0 0 * * * *");

  private static final int MAX_COMPILED = 256;
  private static final Map<Object, CronSchedule> COMPILED = new ConcurrentHashMap<>();

  private final CronSchedule schedule;
  private final Map<String, String> fields;
  private final @Nullable String expression;
  private final ZoneId zone;
  private final @Nullable ZonedDateTime startDate;
  private final @Nullable ZonedDateTime endDate;
  private final @Nullable Duration jitter;
  private final DstOverlap dstOverlap;
  private final int seed;

  private CronTrigger(
      CronSchedule schedule,
      Map<String, String> fields,
      @Nullable String expression,
      ZoneId zone,
      @Nullable ZonedDateTime startDate,
      @Nullable ZonedDateTime endDate,
      @Nullable Duration jitter,
      DstOverlap dstOverlap) {
    if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
      throw new InvalidTriggerException(
          "end_date",
          endDate,
          "cron trigger: end_date " + endDate + " is before start_date " + startDate);
    }
    this.schedule = schedule;
    this.fields = fields;
    this.expression = expression;
    this.zone = Require.requireNonNull(zone, "zone");
    this.startDate = startDate == null ? null : startDate.withZoneSameInstant(zone);
    this.endDate = endDate == null ? null : endDate.withZoneSameInstant(zone);
    this.jitter = Jitter.check("cron", jitter);
    this.dstOverlap = Require.requireNonNull(dstOverlap, "dstOverlap");
    this.seed = (toString() + zone.getId()).hashCode();
  }

  /**
   * Starts a trigger in APScheduler's keyword form.
   *
   * @return a builder; fields left unset follow APScheduler's defaulting rule
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Mirrors APScheduler's {@code CronTrigger.from_crontab}, with standard crontab semantics: fields
   * {@code minute hour day month day_of_week}; weekday 0 and 7 are Sunday ({@code fri-sun} is
   * allowed); when both day and weekday are restricted a day matches if either does.
   *
   * @param expression five whitespace-separated fields
   * @param zone the zone whose wall clock the trigger follows
   * @return the trigger
   * @throws InvalidTriggerException when the expression is invalid
   */
  public static CronTrigger fromCrontab(String expression, ZoneId zone) {
    Require.requireNonNull(expression, "expression");
    return new CronTrigger(
        CronSchedule.ofCrontab(expression),
        Map.of(),
        expression.trim(),
        zone,
        null,
        null,
        null,
        DstOverlap.BOTH);
  }

  /**
   * Parses a cron expression: five fields (crontab, as {@link #fromCrontab}), six fields (second
   * first, Spring's {@code CronExpression} dialect with {@code L}, {@code W}, {@code #}, {@code ?})
   * or a macro ({@code @yearly}, {@code @monthly}, {@code @weekly}, {@code @daily}, {@code
   * @hourly}).
   *
   * @param expression the expression
   * @param zone the zone whose wall clock the trigger follows
   * @return the trigger
   * @throws InvalidTriggerException when the expression is invalid
   */
  public static CronTrigger parse(String expression, ZoneId zone) {
    Require.requireNonNull(expression, "expression");
    String trimmed = expression.trim();
    return new CronTrigger(
        compiled(trimmed, () -> compile(expression, trimmed)),
        Map.of(),
        trimmed,
        zone,
        null,
        null,
        null,
        DstOverlap.BOTH);
  }

  private static CronSchedule compile(String expression, String trimmed) {
    String resolved = MACROS.getOrDefault(trimmed.toLowerCase(Locale.ROOT), trimmed);
    if (resolved.startsWith("@")) {
      throw new InvalidTriggerException(
          "expression",
          expression,
          "unknown cron macro '" + trimmed + "' (expected one of " + MACROS.keySet() + ")");
    }
    int fieldCount = resolved.isEmpty() ? 0 : resolved.split("\\s+").length;
    return switch (fieldCount) {
      case 5 -> CronSchedule.ofCrontab(resolved);
      case 6 -> CronSchedule.ofSpring(resolved);
      default ->
          throw new InvalidTriggerException(
              "expression",
              expression,
              "cron expression must have 5 fields (crontab) or 6 fields (second first), found "
                  + fieldCount
                  + " in \""
                  + expression
                  + "\"");
    };
  }

  /**
   * The schedule compiled from {@code source} (a trimmed expression or the keyword fields), from a
   * bounded cache: jobs added in a burst mostly share a few schedules, and a schedule is immutable.
   */
  private static CronSchedule compiled(Object source, Supplier<CronSchedule> compile) {
    CronSchedule schedule = COMPILED.get(source);
    if (schedule == null) {
      schedule = compile.get();
      if (COMPILED.size() >= MAX_COMPILED) {
        COMPILED.clear();
      }
      COMPILED.put(source, schedule);
    }
    return schedule;
  }

  static CronTrigger create(TriggerOptions options, ZoneId defaultZone) {
    ZoneId zone = options.zone(defaultZone);
    String expression = options.expression("expression");
    Map<String, String> given = new LinkedHashMap<>();
    for (String field : FIELDS) {
      String value = options.expression(field);
      if (value != null) {
        given.put(field, value);
      }
    }
    if (expression != null && !given.isEmpty()) {
      throw options.invalid(
          "expression", expression, "cannot be combined with the fields " + given.keySet());
    }
    String text = expression == null ? null : expression.trim();
    Map<String, String> fields = text == null ? Collections.unmodifiableMap(given) : Map.of();
    CronSchedule schedule =
        text == null
            ? compiled(fields, () -> CronSchedule.ofFields(fields))
            : compiled(text, () -> compile(expression, text));
    return new CronTrigger(
        schedule,
        fields,
        text,
        zone,
        options.dateTime("start_date", zone),
        options.dateTime("end_date", zone),
        options.duration("jitter"),
        options.dstOverlap());
  }

  /** Builds a trigger of the given keyword fields, which the caller no longer changes. */
  private static CronTrigger fromFields(Map<String, String> given, ZoneId zone) {
    Map<String, String> fields = Collections.unmodifiableMap(given);
    return new CronTrigger(
        compiled(fields, () -> CronSchedule.ofFields(fields)),
        fields,
        null,
        zone,
        null,
        null,
        null,
        DstOverlap.BOTH);
  }

  /**
   * Returns the fields given in the keyword form, most significant first.
   *
   * @return field expressions by name; empty for a trigger made from an expression
   */
  public Map<String, String> fields() {
    return fields;
  }

  /**
   * Returns the expression this trigger was parsed from.
   *
   * @return the crontab or six-field expression, or {@code null} for the keyword form
   */
  public @Nullable String expression() {
    return expression;
  }

  /**
   * Returns the earliest possible fire time.
   *
   * @return the start date, or {@code null}
   */
  public @Nullable ZonedDateTime startDate() {
    return startDate;
  }

  /**
   * Returns the latest possible fire time, inclusive.
   *
   * @return the end date, or {@code null}
   */
  public @Nullable ZonedDateTime endDate() {
    return endDate;
  }

  /**
   * Returns the largest delay added to each fire time.
   *
   * @return the jitter, or {@code null}
   */
  public @Nullable Duration jitter() {
    return jitter;
  }

  /**
   * Returns what happens to wall times repeated when clocks fall back.
   *
   * @return the overlap policy
   */
  public DstOverlap dstOverlap() {
    return dstOverlap;
  }

  /**
   * Returns this trigger firing no earlier than {@code startDate}.
   *
   * @param startDate the earliest fire time
   * @return a new trigger
   */
  public CronTrigger withStartDate(@Nullable ZonedDateTime startDate) {
    return new CronTrigger(
        schedule, fields, expression, zone, startDate, endDate, jitter, dstOverlap);
  }

  /**
   * Returns this trigger firing no later than {@code endDate} (inclusive).
   *
   * @param endDate the latest fire time
   * @return a new trigger
   */
  public CronTrigger withEndDate(@Nullable ZonedDateTime endDate) {
    return new CronTrigger(
        schedule, fields, expression, zone, startDate, endDate, jitter, dstOverlap);
  }

  /**
   * Returns this trigger with each fire time delayed by up to {@code jitter}.
   *
   * @param jitter the largest delay, or {@code null} for none
   * @return a new trigger
   */
  public CronTrigger withJitter(@Nullable Duration jitter) {
    return new CronTrigger(
        schedule, fields, expression, zone, startDate, endDate, jitter, dstOverlap);
  }

  /**
   * Returns this trigger with the given fall-back policy.
   *
   * @param dstOverlap fire repeated wall times twice ({@code BOTH}) or once ({@code FIRST})
   * @return a new trigger
   */
  public CronTrigger withDstOverlap(DstOverlap dstOverlap) {
    return new CronTrigger(
        schedule, fields, expression, zone, startDate, endDate, jitter, dstOverlap);
  }

  @Override
  public Optional<ZonedDateTime> nextFireTime(
      @Nullable ZonedDateTime previousFireTime, ZonedDateTime now) {
    Instant from =
        previousFireTime == null ? now.toInstant() : previousFireTime.toInstant().plusNanos(1);
    ZonedDateTime fire = firstAtOrAfter(from);
    return fire == null ? Optional.empty() : Optional.of(Jitter.apply(fire, jitter, seed));
  }

  @Override
  public @Nullable ZonedDateTime firstAtOrAfter(Instant time) {
    if (!schedule.matchesSomeTime()) {
      return null;
    }
    Instant from = time;
    if (startDate != null && startDate.toInstant().isAfter(from)) {
      from = startDate.toInstant();
    }
    Instant whole = from.truncatedTo(ChronoUnit.SECONDS);
    from = whole.equals(from) ? whole : whole.plusSeconds(1);
    int lastYear =
        endDate == null
            ? CronSchedule.MAX_YEAR
            : Math.min(CronSchedule.MAX_YEAR, endDate.getYear() + 1);
    Instant fire = WallClock.firstAtOrAfter(schedule, zone, from, lastYear, dstOverlap);
    if (fire == null || (endDate != null && fire.isAfter(endDate.toInstant()))) {
      return null;
    }
    return fire.atZone(zone);
  }

  @Override
  public String alias() {
    return "cron";
  }

  @Override
  public ZoneId zone() {
    return zone;
  }

  @Override
  public Map<String, Object> options() {
    Map<String, Object> options = new LinkedHashMap<>();
    if (expression != null) {
      options.put("expression", expression);
    } else {
      options.putAll(fields);
    }
    if (startDate != null) {
      options.put("start_date", Describe.iso(startDate));
    }
    if (endDate != null) {
      options.put("end_date", Describe.iso(endDate));
    }
    options.put("timezone", zone.getId());
    if (jitter != null) {
      options.put("jitter", jitter.toString());
    }
    if (dstOverlap != DstOverlap.BOTH) {
      options.put("dst_overlap", dstOverlap.name().toLowerCase(Locale.ROOT));
    }
    return options;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof CronTrigger that
        && fields.equals(that.fields)
        && Objects.equals(expression, that.expression)
        && zone.equals(that.zone)
        && Objects.equals(startDate, that.startDate)
        && Objects.equals(endDate, that.endDate)
        && Objects.equals(jitter, that.jitter)
        && dstOverlap == that.dstOverlap;
  }

  @Override
  public int hashCode() {
    return Objects.hash(fields, expression, zone, startDate, endDate, jitter, dstOverlap.name());
  }

  @Override
  public String toString() {
    if (expression != null) {
      return "cron[expression='" + expression + "']";
    }
    return fields.entrySet().stream()
        .map(field -> field.getKey() + "='" + field.getValue() + "'")
        .collect(Collectors.joining(", ", "cron[", "]"));
  }

  /** Builds a cron trigger in APScheduler's keyword form. */
  public static final class Builder {

    private final Map<String, String> fields = new LinkedHashMap<>();
    private ZoneId zone = ZoneId.of("UTC");
    private @Nullable ZonedDateTime startDate;
    private @Nullable ZonedDateTime endDate;
    private @Nullable Duration jitter;
    private DstOverlap dstOverlap = DstOverlap.BOTH;

    private Builder() {}

    /**
     * Sets the 4-digit year field.
     *
     * @param expression e.g. {@code 2026} or {@code 2026-2030}
     * @return this builder
     */
    public Builder year(String expression) {
      return field("year", expression);
    }

    /**
     * Sets the month field (1-12 or names).
     *
     * @param expression e.g. {@code jan-mar}
     * @return this builder
     */
    public Builder month(String expression) {
      return field("month", expression);
    }

    /**
     * Sets the day-of-month field (1-31, {@code last}, {@code 2nd fri}, {@code last fri}).
     *
     * @param expression e.g. {@code last}
     * @return this builder
     */
    public Builder day(String expression) {
      return field("day", expression);
    }

    /**
     * Sets the ISO week field (1-53).
     *
     * @param expression e.g. {@code 1-10}
     * @return this builder
     */
    public Builder week(String expression) {
      return field("week", expression);
    }

    /**
     * Sets the weekday field (0-6 with 0 = Monday, or names).
     *
     * @param expression e.g. {@code mon-fri}
     * @return this builder
     */
    public Builder dayOfWeek(String expression) {
      return field("day_of_week", expression);
    }

    /**
     * Sets the hour field (0-23).
     *
     * @param expression e.g. {@code 9-17}
     * @return this builder
     */
    public Builder hour(String expression) {
      return field("hour", expression);
    }

    /**
     * Sets the minute field (0-59).
     *
     * @param expression e.g. {@code *&#47;15}
     * @return this builder
     */
    public Builder minute(String expression) {
      return field("minute", expression);
    }

    /**
     * Sets the second field (0-59).
     *
     * @param expression e.g. {@code 30}
     * @return this builder
     */
    public Builder second(String expression) {
      return field("second", expression);
    }

    private Builder field(String name, String expression) {
      fields.put(name, Require.requireNonNull(expression, name).trim());
      return this;
    }

    /**
     * Sets the zone whose wall clock the trigger follows (UTC when unset).
     *
     * @param zone the zone
     * @return this builder
     */
    public Builder timezone(ZoneId zone) {
      this.zone = Require.requireNonNull(zone, "zone");
      return this;
    }

    /**
     * Sets the earliest possible fire time.
     *
     * @param startDate the start date
     * @return this builder
     */
    public Builder startDate(ZonedDateTime startDate) {
      this.startDate = startDate;
      return this;
    }

    /**
     * Sets the latest possible fire time, inclusive.
     *
     * @param endDate the end date
     * @return this builder
     */
    public Builder endDate(ZonedDateTime endDate) {
      this.endDate = endDate;
      return this;
    }

    /**
     * Sets the largest delay added to each fire time.
     *
     * @param jitter the jitter
     * @return this builder
     */
    public Builder jitter(Duration jitter) {
      this.jitter = jitter;
      return this;
    }

    /**
     * Sets what happens to wall times repeated when clocks fall back.
     *
     * @param dstOverlap the policy
     * @return this builder
     */
    public Builder dstOverlap(DstOverlap dstOverlap) {
      this.dstOverlap = Require.requireNonNull(dstOverlap, "dstOverlap");
      return this;
    }

    /**
     * Builds the trigger.
     *
     * @return the trigger
     * @throws InvalidTriggerException when a field is invalid
     */
    public CronTrigger build() {
      Map<String, String> ordered = new LinkedHashMap<>();
      for (String field : FIELDS) {
        if (fields.containsKey(field)) {
          ordered.put(field, fields.get(field));
        }
      }
      CronTrigger base = fromFields(ordered, zone);
      return new CronTrigger(
          base.schedule, base.fields, null, zone, startDate, endDate, jitter, dstOverlap);
    }
  }
}
