package io.scheduler.boot.autoconfigure;

import io.scheduler.Scheduler;
import io.scheduler.exception.InvalidTriggerException;
import io.scheduler.job.JobSpec;
import io.scheduler.job.TaskRef;
import io.scheduler.trigger.Trigger;
import io.scheduler.trigger.Triggers;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The jobs of {@code scheduler.jobs.<id>}: validated into {@link JobSpec}s when the starter's beans
 * are created, added to the scheduler when it starts. Every error names the property key.
 */
final class DeclarativeJobs {

  private static final Set<String> INTERVAL_UNITS =
      Set.of("weeks", "days", "hours", "minutes", "seconds");

  private final Map<String, JobSpec> specs;

  private DeclarativeJobs(Map<String, JobSpec> specs) {
    this.specs = specs;
  }

  /**
   * Validates every declared job; triggers are built in {@code zone} (the scheduler's).
   *
   * @throws InvalidSchedulerPropertyException naming the key of the first bad value
   */
  static DeclarativeJobs of(Map<String, SchedulerProperties.Job> jobs, ZoneId zone) {
    Map<String, JobSpec> specs = new LinkedHashMap<>();
    jobs.forEach((id, job) -> specs.put(id, spec(id, job, zone)));
    return new DeclarativeJobs(specs);
  }

  Map<String, JobSpec> specs() {
    return specs;
  }

  /** Adds (or replaces) every declared job. */
  void register(Scheduler scheduler) {
    specs.forEach(
        (id, spec) -> {
          try {
            scheduler.addJob(spec);
          } catch (IllegalArgumentException e) {
            throw new InvalidSchedulerPropertyException(
                key(id, ""),
                spec.taskRef(),
                "a job the scheduler accepts",
                key(id, "") + " cannot be added: " + e.getMessage(),
                e);
          }
        });
  }

  private static JobSpec spec(String id, SchedulerProperties.Job job, ZoneId zone) {
    JobSpec.Builder builder = JobSpec.builder().id(id).replaceExisting(true);
    String task = job.getTask();
    if (task == null || task.isBlank()) {
      throw new InvalidSchedulerPropertyException(
          key(id, "task"),
          task,
          "a task reference such as 'bean:reportService#daily' or 'com.example.Reports::daily'");
    }
    try {
      builder.task(TaskRef.of(task.trim()));
    } catch (IllegalArgumentException e) {
      throw new InvalidSchedulerPropertyException(
          key(id, "task"),
          task,
          "a task reference such as 'bean:reportService#daily' or 'com.example.Reports::daily'",
          key(id, "task") + ": " + e.getMessage(),
          e);
    }
    builder.trigger(trigger(id, job, zone));
    builder.args(new ArrayList<Object>(job.getArgs()));
    builder.kwargs(job.getKwargs());
    if (job.getName() != null) {
      builder.name(SchedulerConfigurer.nonEmpty(key(id, "name"), job.getName()));
    }
    if (job.getMisfireGraceTime() != null) {
      builder.misfireGraceTime(
          SchedulerConfigurer.graceTime(key(id, "misfire-grace-time"), job.getMisfireGraceTime()));
    }
    if (job.getCoalesce() != null) {
      builder.coalesce(job.getCoalesce().policy());
    }
    if (job.getMaxInstances() != null) {
      builder.maxInstances(
          SchedulerConfigurer.positive(key(id, "max-instances"), job.getMaxInstances()));
    }
    builder.jobStore(SchedulerConfigurer.nonEmpty(key(id, "jobstore"), job.getJobstore()));
    builder.executor(SchedulerConfigurer.nonEmpty(key(id, "executor"), job.getExecutor()));
    if (job.isPaused()) {
      builder.paused();
    }
    return builder.build();
  }

  private static Trigger trigger(String id, SchedulerProperties.Job job, ZoneId zone) {
    List<String> kinds = new ArrayList<>();
    if (job.getCron() != null) {
      kinds.add("cron");
    }
    if (job.getInterval() != null) {
      kinds.add("interval");
    }
    if (job.getTrigger() != null) {
      kinds.add("trigger");
    }
    if (kinds.size() != 1) {
      throw new InvalidSchedulerPropertyException(
          key(id, kinds.isEmpty() ? "trigger" : kinds.get(1)),
          kinds.isEmpty() ? null : String.join(", ", kinds),
          "exactly one of cron, interval or trigger",
          key(id, "")
              + " must set exactly one of cron, interval or trigger, but "
              + (kinds.isEmpty() ? "sets none" : "sets " + String.join(" and ", kinds)),
          null);
    }
    Map<String, Object> options = new LinkedHashMap<>(job.getTriggerOptions());
    String alias;
    if (job.getCron() != null) {
      alias = "cron";
      rejectOption(id, "cron", options, Set.of("expression"));
      options.put("expression", job.getCron());
    } else if (job.getInterval() != null) {
      alias = "interval";
      Duration interval = job.getInterval();
      if (interval.isZero() || interval.isNegative()) {
        throw new InvalidSchedulerPropertyException(
            key(id, "interval"), interval, "a positive duration such as 10s, 5m or PT1H");
      }
      rejectOption(id, "interval", options, INTERVAL_UNITS);
      options.put("seconds", seconds(interval));
    } else {
      alias = job.getTrigger().trim();
    }
    try {
      return Triggers.create(alias, options, zone);
    } catch (InvalidTriggerException e) {
      String optionKey = optionKey(id, job, e.field());
      throw new InvalidSchedulerPropertyException(
          optionKey,
          e.value(),
          "a value the " + alias + " trigger accepts (see the reason)",
          optionKey + ": " + e.getMessage(),
          e);
    }
  }

  /** Finds the key the user wrote for the trigger option the core rejected. */
  private static String optionKey(String id, SchedulerProperties.Job job, String field) {
    if (field.equals("trigger")) {
      return key(id, "trigger");
    }
    if (job.getCron() != null && normalize(field).equals("expression")) {
      return key(id, "cron");
    }
    if (job.getInterval() != null && INTERVAL_UNITS.contains(normalize(field))) {
      return key(id, "interval");
    }
    for (String written : job.getTriggerOptions().keySet()) {
      if (normalize(written).equals(normalize(field))) {
        return key(id, "trigger-options." + written);
      }
    }
    return key(id, job.getCron() != null ? "cron" : "trigger-options");
  }

  private static void rejectOption(
      String id, String shorthand, Map<String, Object> options, Set<String> clashing) {
    for (String written : options.keySet()) {
      if (clashing.contains(normalize(written))) {
        throw new InvalidSchedulerPropertyException(
            key(id, "trigger-options." + written),
            options.get(written),
            "unset when " + key(id, shorthand) + " is set",
            key(id, "trigger-options." + written)
                + " clashes with "
                + key(id, shorthand)
                + "; set one of them",
            null);
      }
    }
  }

  private static BigDecimal seconds(Duration duration) {
    return BigDecimal.valueOf(duration.getSeconds())
        .add(BigDecimal.valueOf(duration.getNano(), 9))
        .stripTrailingZeros();
  }

  /**
   * {@code day-of-week}, {@code day_of_week} and {@code dayOfWeek} all become {@code dayofweek}.
   */
  private static String normalize(String key) {
    return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
  }

  static String key(String id, String property) {
    return "scheduler.jobs." + id + (property.isEmpty() ? "" : "." + property);
  }
}
