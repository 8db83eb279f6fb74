package io.scheduler.boot.definition;

import io.scheduler.boot.definition.JobDefinition.Field;
import io.scheduler.boot.definition.JobDefinition.Written;
import io.scheduler.config.Durations;
import io.scheduler.exception.InvalidTriggerException;
import io.scheduler.job.CoalescePolicy;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskRef;
import io.scheduler.trigger.Trigger;
import io.scheduler.trigger.Triggers;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The one translation of a {@link JobDefinition} into a core {@link JobSpec}, for annotations and
 * properties alike: durations in the core's grammar ({@link Durations}), the trigger checked by
 * {@link Triggers#create}, and every error an {@link InvalidJobDefinitionException} that names the
 * key the user wrote and the value.
 */
public final class JobDefinitionTranslator {

  private static final Set<String> INTERVAL_UNITS =
      Set.of("weeks", "days", "hours", "minutes", "seconds");

  private static final String DURATION =
      "a duration such as 10s, 500ms, 5m or PT10S (a bare number is seconds)";

  private static final String TASK =
      "a task reference such as 'bean:reportService#daily' or 'com.example.Reports::daily'";

  private JobDefinitionTranslator() {}

  /**
   * Translates a definition; the job is declared ({@code replaceExisting}): a stored job with the
   * same id is reconciled with it.
   *
   * @param definition the definition
   * @param zone the scheduler's zone to build the trigger in, or {@code null} to check the trigger
   *     in the system zone and leave building it to the scheduler (alias and options in the spec)
   * @return the spec
   * @throws InvalidJobDefinitionException naming the key and the value of the first bad setting
   */
  public static JobSpec translate(JobDefinition definition, @Nullable ZoneId zone) {
    JobSpec.Builder builder = JobSpec.builder().replaceExisting(true);
    Written id = definition.value(Field.ID);
    if (id != null) {
      builder.id(nonBlank(definition, id));
    }
    Written name = definition.value(Field.NAME);
    if (name != null) {
      builder.name(nonBlank(definition, name));
    }
    builder.task(task(definition));
    trigger(definition, builder, zone);
    builder.args(definition.args());
    builder.kwargs(definition.kwargs());
    Written grace = definition.value(Field.MISFIRE_GRACE_TIME);
    if (grace != null) {
      builder.misfireGraceTime(graceTime(definition, grace));
    }
    Written coalesce = definition.value(Field.COALESCE);
    if (coalesce != null) {
      builder.coalesce(coalesce(definition, coalesce));
    }
    Written maxInstances = definition.value(Field.MAX_INSTANCES);
    if (maxInstances != null) {
      builder.maxInstances(positiveInteger(definition, maxInstances));
    }
    Written jobstore = definition.value(Field.JOBSTORE);
    if (jobstore != null) {
      builder.jobStore(nonBlank(definition, jobstore));
    }
    Written executor = definition.value(Field.EXECUTOR);
    if (executor != null) {
      builder.executor(nonBlank(definition, executor));
    }
    if (definition.paused()) {
      builder.paused();
    }
    return builder.build();
  }

  /**
   * The error for a value that is not among the allowed ones.
   *
   * @param definition the definition, which describes the key
   * @param key the key
   * @param value the value, or {@code null} when missing
   * @param allowed what the key accepts
   * @return the exception, naming key and value
   */
  public static InvalidJobDefinitionException invalid(
      JobDefinition definition, String key, @Nullable Object value, String allowed) {
    return new InvalidJobDefinitionException(
        key,
        value,
        allowed,
        definition.describe(key) + " must be " + allowed + ", but was '" + value + "'",
        null);
  }

  private static TaskRef task(JobDefinition definition) {
    JobDefinition.Task task = definition.task();
    if (task == null) {
      throw new IllegalStateException("a job definition without a task");
    }
    if (task.value() instanceof TaskRef ref) {
      return ref;
    }
    if (task.value() == null || task.value().toString().isBlank()) {
      throw invalid(definition, task.key(), task.value(), TASK);
    }
    String text = task.value().toString();
    try {
      return TaskRef.of(text.trim());
    } catch (IllegalArgumentException e) {
      throw new InvalidJobDefinitionException(
          task.key(), text, TASK, definition.describe(task.key()) + ": " + e.getMessage(), e);
    }
  }

  private static void trigger(
      JobDefinition definition, JobSpec.Builder builder, @Nullable ZoneId zone) {
    String alias = definition.triggerAlias();
    if (alias == null) {
      throw new IllegalStateException("a job definition without a trigger");
    }
    Map<String, Object> options = new LinkedHashMap<>();
    definition.options().forEach((option, written) -> options.put(option, written.value()));
    Written cron = definition.cron();
    if (cron != null) {
      rejectClash(definition, cron, Set.of("expression"));
      options.put("expression", cron.value());
    }
    Written interval = definition.interval();
    if (interval != null) {
      rejectClash(definition, interval, INTERVAL_UNITS);
      Duration every = duration(definition, interval);
      if (every.isZero() || every.isNegative()) {
        throw invalid(
            definition,
            interval.key(),
            interval.value(),
            "a positive duration such as 10s, 5m or PT1H");
      }
      options.put(
          "seconds",
          BigDecimal.valueOf(every.getSeconds())
              .add(BigDecimal.valueOf(every.getNano(), 9))
              .stripTrailingZeros());
    }
    try {
      Trigger trigger =
          Triggers.create(alias, options, zone != null ? zone : ZoneId.systemDefault());
      if (zone != null) {
        builder.trigger(trigger);
      } else {
        builder.trigger(alias, options);
      }
    } catch (InvalidTriggerException e) {
      String key = keyOf(definition, e.field());
      throw new InvalidJobDefinitionException(
          key,
          e.value(),
          "a value the " + alias + " trigger accepts (see the reason)",
          "invalid "
              + alias
              + " trigger: "
              + e.getMessage()
              + " ("
              + definition.describe(key)
              + ")",
          e);
    }
  }

  /** The key the user wrote for the trigger option the core rejected: the one mapping for all. */
  private static String keyOf(JobDefinition definition, String field) {
    String option = normalize(field);
    for (Map.Entry<String, Written> written : definition.options().entrySet()) {
      if (normalize(written.getKey()).equals(option)) {
        return written.getValue().key();
      }
    }
    Written interval = definition.interval();
    if (interval != null && INTERVAL_UNITS.contains(option)) {
      return interval.key();
    }
    Written cron = definition.cron();
    if (cron != null) {
      return cron.key();
    }
    String triggerKey = definition.triggerKey();
    return triggerKey != null ? triggerKey : field;
  }

  private static void rejectClash(
      JobDefinition definition, Written shorthand, Set<String> clashing) {
    for (Map.Entry<String, Written> written : definition.options().entrySet()) {
      if (clashing.contains(normalize(written.getKey()))) {
        String key = written.getValue().key();
        throw new InvalidJobDefinitionException(
            key,
            written.getValue().value(),
            "unset when " + definition.describe(shorthand.key()) + " is set",
            definition.describe(key)
                + " clashes with "
                + definition.describe(shorthand.key())
                + "; set one of them",
            null);
      }
    }
  }

  private static @Nullable Duration graceTime(JobDefinition definition, Written grace) {
    if (grace.value() instanceof CharSequence text
        && text.toString().trim().equalsIgnoreCase("none")) {
      return null;
    }
    Duration duration = duration(definition, grace);
    if (duration.isZero()) {
      throw invalid(
          definition,
          grace.key(),
          grace.value(),
          "a positive duration such as 30s, or none or a negative one (-1) for no limit");
    }
    return duration.isNegative() ? null : duration;
  }

  private static Duration duration(JobDefinition definition, Written written) {
    if (written.value() instanceof Duration duration) {
      return duration;
    }
    try {
      return Durations.parse(written.value().toString());
    } catch (IllegalArgumentException e) {
      throw invalid(definition, written.key(), written.value(), DURATION);
    }
  }

  private static CoalescePolicy coalesce(JobDefinition definition, Written coalesce) {
    if (coalesce.value() instanceof CoalescePolicy policy) {
      return policy;
    }
    return switch (coalesce.value().toString().trim().toLowerCase(Locale.ROOT)) {
      case "true", "latest" -> CoalescePolicy.LATEST;
      case "false", "all" -> CoalescePolicy.ALL;
      case "earliest" -> CoalescePolicy.EARLIEST;
      default ->
          throw invalid(
              definition, coalesce.key(), coalesce.value(), "true, false, earliest, latest or all");
    };
  }

  private static int positiveInteger(JobDefinition definition, Written written) {
    int value;
    try {
      value =
          written.value() instanceof Integer number
              ? number
              : Integer.parseInt(written.value().toString().trim());
    } catch (NumberFormatException e) {
      throw invalid(definition, written.key(), written.value(), "a positive integer");
    }
    if (value <= 0) {
      throw invalid(definition, written.key(), written.value(), "a positive integer");
    }
    return value;
  }

  private static String nonBlank(JobDefinition definition, Written written) {
    String text = written.value().toString();
    if (text.isBlank()) {
      throw invalid(definition, written.key(), text, "a non-blank text");
    }
    return text;
  }

  /**
   * {@code day-of-week}, {@code day_of_week} and {@code dayOfWeek} all become {@code dayofweek}.
   */
  private static String normalize(String key) {
    return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
  }
}
