package io.scheduler.trigger;

import io.scheduler.exception.InvalidTriggerException;
import io.scheduler.internal.Json;
import io.scheduler.internal.Require;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The stable JSON form of the built-in triggers, used by persistent job stores.
 *
 * <p>A trigger is an object with {@code "type"} (the {@link Triggers#create} alias) and that
 * alias's canonical options, all in APScheduler's snake_case: {@code
 * {"type":"cron","day_of_week":"mon-fri","hour":"5","timezone":"Europe/Berlin"}}, {@code
 * {"type":"cron","expression":"0 0 12 L * ?","timezone":"UTC"}}, {@code
 * {"type":"interval","seconds":"90","start_date":"2026-01-01T00:00:00+01:00","timezone":"Europe/Berlin"}},
 * {@code {"type":"date","run_date":"2026-03-29T02:30:00+01:00","timezone":"Europe/Berlin"}}, {@code
 * {"type":"calendarinterval","months":1,"hour":9,"minute":0,"second":0,...}} and {@code
 * {"type":"and","triggers":[...],"timezone":"UTC"}}. Date-times are ISO-8601 with offset, durations
 * ISO-8601 ({@code PT30S}). Reading accepts every spelling {@link Triggers#create} does.
 */
public final class TriggerJson {

  private TriggerJson() {}

  /**
   * Returns the JSON object form of a built-in trigger as a map.
   *
   * @param trigger a trigger made by this package
   * @return {@code type} plus canonical options
   * @throws IllegalArgumentException for a trigger class this package does not know
   */
  public static Map<String, Object> toMap(Trigger trigger) {
    if (!(trigger instanceof BuiltInTrigger builtIn)) {
      throw new IllegalArgumentException(
          "trigger of class "
              + trigger.getClass().getName()
              + " has no JSON form; only the built-in triggers can be stored");
    }
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("type", builtIn.alias());
    map.putAll(builtIn.options());
    return map;
  }

  /**
   * Builds a trigger from its JSON object form.
   *
   * @param map {@code type} plus options
   * @param defaultZone the zone used when the map has no {@code timezone}
   * @return the trigger
   * @throws InvalidTriggerException when the form is invalid
   */
  public static Trigger fromMap(Map<?, ?> map, ZoneId defaultZone) {
    Object type = map.get("type");
    if (!(type instanceof String alias)) {
      throw new InvalidTriggerException(
          "type", type, "trigger JSON needs a string 'type' (one of " + Triggers.ALIASES + ")");
    }
    DateTrigger stored = storedDateTrigger(alias, map);
    if (stored != null) {
      return stored;
    }
    Map<String, Object> options = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!"type".equals(entry.getKey())) {
        options.put(String.valueOf(entry.getKey()), entry.getValue());
      }
    }
    return Triggers.create(alias, options, defaultZone);
  }

  /**
   * Reads the date trigger {@link #toMap} writes, {@code {"type":"date","run_date":...,
   * "timezone":...}}, without the option machinery (stores read one per one-shot job they load);
   * null for any other map, which {@link Triggers#create} then reads.
   */
  private static @Nullable DateTrigger storedDateTrigger(String alias, Map<?, ?> map) {
    if (!alias.equals("date")
        || map.size() != 3
        || !(map.get("run_date") instanceof String runDate)
        || !(map.get("timezone") instanceof String zoneId)) {
      return null;
    }
    try {
      OffsetDateTime at = DateTimes.parseCanonical(runDate);
      return at == null ? null : DateTrigger.at(at.toInstant(), ZoneId.of(zoneId));
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * Writes a built-in trigger as JSON text.
   *
   * @param trigger the trigger
   * @return the JSON object
   */
  public static String toJson(Trigger trigger) {
    return Json.write(toMap(trigger));
  }

  /**
   * Reads a trigger from JSON text (a missing {@code timezone} means UTC).
   *
   * @param json the JSON object
   * @return the trigger
   * @throws InvalidTriggerException when the text is not a valid trigger
   */
  public static Trigger fromJson(String json) {
    Object parsed;
    try {
      parsed = Json.read(json);
    } catch (IllegalArgumentException e) {
      throw new InvalidTriggerException(
          "json",
          json,
          "trigger JSON must be a JSON object, but was "
              + Require.quote(String.valueOf(json))
              + " ("
              + e.getMessage()
              + ")");
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      throw new InvalidTriggerException(
          "json",
          json,
          "trigger JSON must be a JSON object, but was " + Require.quote(String.valueOf(json)));
    }
    return fromMap(map, ZoneOffset.UTC);
  }
}
