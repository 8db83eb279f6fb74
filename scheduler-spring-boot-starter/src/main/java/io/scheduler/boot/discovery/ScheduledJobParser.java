package io.scheduler.boot.discovery;

import io.scheduler.boot.annotation.ScheduledJob;
import io.scheduler.exception.InvalidTriggerException;
import io.scheduler.job.CoalescePolicy;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskRef;
import io.scheduler.trigger.Triggers;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.StringValueResolver;

/**
 * Turns one {@link ScheduledJob} annotation into a {@link JobSpec}: placeholders resolved,
 * durations parsed, the trigger checked now (it is built again, in the scheduler's zone, when the
 * job is added). Errors are {@link IllegalArgumentException}s naming the attribute and value.
 */
final class ScheduledJobParser {

  private static final String DURATION = "a duration such as 10s, 500ms, 5m or PT10S";

  private final @Nullable StringValueResolver resolver;

  ScheduledJobParser(@Nullable StringValueResolver resolver) {
    this.resolver = resolver;
  }

  JobSpec parse(ScheduledJob annotation, String defaultId, TaskRef task) {
    JobSpec.Builder builder = JobSpec.builder().task(task).replaceExisting(true);
    String id = text(annotation.id());
    builder.id(id != null ? id : defaultId);
    String name = text(annotation.name());
    if (name != null) {
      builder.name(name);
    }
    trigger(annotation, builder);
    String grace = text(annotation.misfireGraceTime());
    if (grace != null) {
      builder.misfireGraceTime(graceTime(grace));
    }
    String coalesce = text(annotation.coalesce());
    if (coalesce != null) {
      builder.coalesce(coalesce(coalesce));
    }
    String maxInstances = text(annotation.maxInstances());
    if (maxInstances != null) {
      builder.maxInstances(positiveInteger("maxInstances", maxInstances));
    }
    String jobstore = text(annotation.jobstore());
    if (jobstore != null) {
      builder.jobStore(jobstore);
    }
    String executor = text(annotation.executor());
    if (executor != null) {
      builder.executor(executor);
    }
    return builder.build();
  }

  private void trigger(ScheduledJob annotation, JobSpec.Builder builder) {
    Map<String, Object> fields = new LinkedHashMap<>();
    putText(fields, "year", annotation.year());
    putText(fields, "month", annotation.month());
    putText(fields, "day", annotation.day());
    putText(fields, "week", annotation.week());
    putText(fields, "day_of_week", annotation.dayOfWeek());
    putText(fields, "hour", annotation.hour());
    putText(fields, "minute", annotation.minute());
    putText(fields, "second", annotation.second());
    String cron = text(annotation.cron());
    String interval = text(annotation.interval());
    String date = text(annotation.date());
    List<String> kinds = new ArrayList<>();
    if (cron != null) {
      kinds.add("cron");
    }
    if (interval != null) {
      kinds.add("interval");
    }
    if (date != null) {
      kinds.add("date");
    }
    if (!fields.isEmpty()) {
      kinds.add("cron fields " + fields.keySet());
    }
    if (kinds.size() != 1) {
      throw new IllegalArgumentException(
          "exactly one trigger must be given (cron, interval, date, or cron fields such as hour),"
              + " but "
              + (kinds.isEmpty() ? "none was" : "found " + String.join(" and ", kinds)));
    }
    Map<String, Object> options = new LinkedHashMap<>();
    String alias;
    if (date != null) {
      alias = "date";
      options.put("run_date", date);
    } else {
      alias = interval != null ? "interval" : "cron";
      if (cron != null) {
        options.put("expression", cron);
      }
      options.putAll(fields);
      if (interval != null) {
        Duration every = duration("interval", interval);
        if (every.isZero() || every.isNegative()) {
          throw invalid("interval", interval, "a positive duration such as 10s, 5m or PT1H");
        }
        options.put(
            "seconds",
            BigDecimal.valueOf(every.getSeconds())
                .add(BigDecimal.valueOf(every.getNano(), 9))
                .stripTrailingZeros());
      }
      putText(options, "start_date", annotation.startDate());
      putText(options, "end_date", annotation.endDate());
      String jitter = text(annotation.jitter());
      if (jitter != null) {
        options.put("jitter", duration("jitter", jitter));
      }
    }
    if (date != null) {
      rejectFor("date", "startDate", annotation.startDate());
      rejectFor("date", "endDate", annotation.endDate());
      rejectFor("date", "jitter", annotation.jitter());
    }
    putText(options, "timezone", annotation.zone());
    try {
      // Checked now so a bad trigger fails at startup; built again in the scheduler's zone.
      Triggers.create(alias, options, ZoneId.systemDefault());
    } catch (InvalidTriggerException e) {
      throw new IllegalArgumentException(
          "invalid "
              + alias
              + " trigger: "
              + e.getMessage()
              + attributeHint(e.field(), cron != null),
          e);
    }
    builder.trigger(alias, options);
  }

  private static String attributeHint(String field, boolean cronExpression) {
    String attribute =
        switch (field) {
          case "start_date" -> "startDate";
          case "end_date" -> "endDate";
          case "timezone" -> "zone";
          case "jitter" -> "jitter";
          default -> cronExpression ? "cron" : field;
        };
    if (cronExpression) {
      return " (attribute '" + attribute + "')";
    }
    attribute =
        switch (field) {
          case "seconds" -> "interval";
          case "run_date" -> "date";
          case "day_of_week" -> "dayOfWeek";
          default -> attribute;
        };
    return " (attribute '" + attribute + "')";
  }

  private void rejectFor(String kind, String attribute, String value) {
    if (text(value) != null) {
      throw invalid(attribute, value, "unset for a " + kind + " trigger");
    }
  }

  private void putText(Map<String, Object> options, String key, String value) {
    String text = text(value);
    if (text != null) {
      options.put(key, text);
    }
  }

  private @Nullable Duration graceTime(String text) {
    if (text.equalsIgnoreCase("none")) {
      return null;
    }
    Duration grace = duration("misfireGraceTime", text);
    if (grace.isZero()) {
      throw invalid("misfireGraceTime", text, DURATION + ", or none for no limit");
    }
    return grace.isNegative() ? null : grace;
  }

  private static CoalescePolicy coalesce(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "latest" -> CoalescePolicy.LATEST;
      case "false", "all" -> CoalescePolicy.ALL;
      case "earliest" -> CoalescePolicy.EARLIEST;
      default -> throw invalid("coalesce", text, "true, false, earliest, latest or all");
    };
  }

  private static int positiveInteger(String attribute, String text) {
    int value;
    try {
      value = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw invalid(attribute, text, "a positive integer");
    }
    if (value <= 0) {
      throw invalid(attribute, text, "a positive integer");
    }
    return value;
  }

  private static Duration duration(String attribute, String text) {
    try {
      return DurationStyle.detectAndParse(text, ChronoUnit.SECONDS);
    } catch (IllegalArgumentException e) {
      throw invalid(attribute, text, DURATION + " (a bare number is seconds)");
    }
  }

  private static IllegalArgumentException invalid(String attribute, String value, String allowed) {
    return new IllegalArgumentException(
        "attribute '" + attribute + "' must be " + allowed + ", but was '" + value + "'");
  }

  /** The attribute with placeholders resolved and trimmed, or null when empty. */
  private @Nullable String text(String value) {
    if (value.isEmpty()) {
      return null;
    }
    String resolved = resolver != null ? resolver.resolveStringValue(value) : value;
    if (resolved == null || resolved.isBlank()) {
      return null;
    }
    return resolved.trim();
  }
}
