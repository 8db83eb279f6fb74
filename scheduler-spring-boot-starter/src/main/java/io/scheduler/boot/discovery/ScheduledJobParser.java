package io.scheduler.boot.discovery;

import io.scheduler.boot.annotation.ScheduledJob;
import io.scheduler.boot.definition.InvalidJobDefinitionException;
import io.scheduler.boot.definition.JobDefinition;
import io.scheduler.boot.definition.JobDefinition.Field;
import io.scheduler.boot.definition.JobDefinitionTranslator;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.util.StringValueResolver;

/**
 * Reads one {@link ScheduledJob} annotation into a {@link JobDefinition} (placeholders resolved,
 * the kind of trigger chosen) and has {@link JobDefinitionTranslator} turn it into a {@link
 * JobSpec}; the trigger is checked now and built again, in the scheduler's zone, when the job is
 * added. Errors are {@link InvalidJobDefinitionException}s naming the attribute and value.
 */
final class ScheduledJobParser {

  private final @Nullable StringValueResolver resolver;

  ScheduledJobParser(@Nullable StringValueResolver resolver) {
    this.resolver = resolver;
  }

  JobSpec parse(ScheduledJob annotation, String defaultId, TaskRef task) {
    JobDefinition definition = JobDefinition.fromAnnotation().task("task", task);
    String id = text(annotation.id());
    definition.set(Field.ID, "id", id != null ? id : defaultId);
    definition.set(Field.NAME, "name", text(annotation.name()));
    trigger(annotation, definition);
    definition.set(
        Field.MISFIRE_GRACE_TIME, "misfireGraceTime", text(annotation.misfireGraceTime()));
    definition.set(Field.COALESCE, "coalesce", text(annotation.coalesce()));
    definition.set(Field.MAX_INSTANCES, "maxInstances", text(annotation.maxInstances()));
    definition.set(Field.JOBSTORE, "jobstore", text(annotation.jobstore()));
    definition.set(Field.EXECUTOR, "executor", text(annotation.executor()));
    return JobDefinitionTranslator.translate(definition, null);
  }

  private void trigger(ScheduledJob annotation, JobDefinition definition) {
    Map<String, String> fields = new LinkedHashMap<>();
    putText(fields, "year", annotation.year());
    putText(fields, "month", annotation.month());
    putText(fields, "day", annotation.day());
    putText(fields, "week", annotation.week());
    putText(fields, "dayOfWeek", annotation.dayOfWeek());
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
      kinds.add("cron fields " + fields.keySet().stream().map(ScheduledJobParser::option).toList());
    }
    if (kinds.size() != 1) {
      throw new InvalidJobDefinitionException(
          "cron",
          String.join(", ", kinds),
          "exactly one trigger",
          "exactly one trigger must be given (cron, interval, date, or cron fields such as hour),"
              + " but "
              + (kinds.isEmpty() ? "none was" : "found " + String.join(" and ", kinds)),
          null);
    }
    if (date != null) {
      rejectFor(definition, "startDate", annotation.startDate());
      rejectFor(definition, "endDate", annotation.endDate());
      rejectFor(definition, "jitter", annotation.jitter());
      definition.trigger("date", "date").option("run_date", "date", date);
    } else {
      if (cron != null) {
        definition.cron("cron", cron);
      } else if (interval != null) {
        definition.interval("interval", interval);
      } else {
        definition.trigger("cron", fields.keySet().iterator().next());
      }
      fields.forEach((attribute, value) -> definition.option(option(attribute), attribute, value));
      definition.option("start_date", "startDate", text(annotation.startDate()));
      definition.option("end_date", "endDate", text(annotation.endDate()));
      definition.option("jitter", "jitter", text(annotation.jitter()));
    }
    definition.option("timezone", "zone", text(annotation.zone()));
  }

  /** The trigger option an attribute stands for: {@code dayOfWeek} is {@code day_of_week}. */
  private static String option(String attribute) {
    return attribute.equals("dayOfWeek") ? "day_of_week" : attribute;
  }

  private void rejectFor(JobDefinition definition, String attribute, String value) {
    String text = text(value);
    if (text != null) {
      throw JobDefinitionTranslator.invalid(
          definition, attribute, text, "unset for a date trigger");
    }
  }

  private void putText(Map<String, String> options, String key, String value) {
    String text = text(value);
    if (text != null) {
      options.put(key, text);
    }
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
