package io.scheduler.trigger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the APScheduler oracle vectors copied from {@code shared/oracle} into the test resources
 * and builds their triggers the way the oracle's README prescribes.
 */
final class OracleVectors {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** One vector: a trigger kind with options, a zone, a "now" and the expected fire times. */
  record Vector(
      String id,
      String kind,
      Map<String, Object> args,
      String timezone,
      String now,
      List<String> expect,
      List<String> tags) {

    ZoneId zone() {
      return ZoneId.of(timezone);
    }

    ZonedDateTime nowInZone() {
      return OffsetDateTime.parse(now).atZoneSameInstant(zone());
    }

    Trigger build() {
      return OracleVectors.build(kind, args, zone());
    }

    @Override
    public String toString() {
      return id + " " + kind + " " + args + " in " + timezone;
    }
  }

  private OracleVectors() {}

  static List<Vector> load(String resource) {
    InputStream in = OracleVectors.class.getResourceAsStream("/oracle/" + resource);
    Objects.requireNonNull(in, "missing test resource /oracle/" + resource);
    List<Vector> vectors = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          vectors.add(toVector(MAPPER.readValue(line, Map.class)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return vectors;
  }

  @SuppressWarnings("unchecked")
  private static Vector toVector(Map<String, Object> row) {
    return new Vector(
        (String) row.get("id"),
        (String) row.get("kind"),
        (Map<String, Object>) row.get("args"),
        (String) row.get("timezone"),
        (String) row.getOrDefault("now", ""),
        (List<String>) row.getOrDefault("expect", List.of()),
        (List<String>) row.getOrDefault("tags", List.of()));
  }

  @SuppressWarnings("unchecked")
  static Trigger build(String kind, Map<String, Object> args, ZoneId zone) {
    if (kind.equals("crontab")) {
      return CronTrigger.fromCrontab((String) args.get("expr"), zone);
    }
    Map<String, Object> options = new LinkedHashMap<>(args);
    options.put("timezone", zone.getId());
    if (kind.equals("and") || kind.equals("or")) {
      List<Trigger> parts = new ArrayList<>();
      for (Object part : (List<Object>) args.get("triggers")) {
        Map<String, Object> sub = (Map<String, Object>) part;
        parts.add(build((String) sub.get("kind"), (Map<String, Object>) sub.get("args"), zone));
      }
      options.put("triggers", parts);
    }
    return Triggers.create(kind, options, zone);
  }

  /** APScheduler's walk: fire1 = next(null, now), then next(fire_k, fire_k), up to max times. */
  static List<ZonedDateTime> walk(Trigger trigger, ZonedDateTime now, int max) {
    List<ZonedDateTime> fires = new ArrayList<>();
    ZonedDateTime previous = null;
    ZonedDateTime current = now;
    while (fires.size() < max) {
      var next = trigger.nextFireTime(previous, current);
      if (next.isEmpty()) {
        break;
      }
      fires.add(next.get());
      previous = next.get();
      current = next.get();
    }
    return fires;
  }
}
