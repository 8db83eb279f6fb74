package io.scheduler.boot.autoconfigure;

import io.scheduler.Scheduler;
import io.scheduler.boot.definition.InvalidJobDefinitionException;
import io.scheduler.boot.definition.JobDefinition;
import io.scheduler.boot.definition.JobDefinition.Field;
import io.scheduler.boot.definition.JobDefinitionTranslator;
import io.scheduler.job.JobSpec;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The jobs of {@code scheduler.jobs.<id>}: validated into {@link JobSpec}s when the starter's beans
 * are created, added to the scheduler when it starts. The shape of the trigger (cron, interval or
 * an alias with options) is read here; everything else is {@link JobDefinitionTranslator}'s, and
 * every error names the property key.
 */
final class DeclarativeJobs {

  private final Map<String, JobSpec> specs;

  private DeclarativeJobs(Map<String, JobSpec> specs) {
    this.specs = specs;
  }

  /**
   * Validates every declared job; triggers are built in {@code zone} (the scheduler's).
   *
   * @throws InvalidSchedulerPropertyException naming the key of the first bad value
   */
  static DeclarativeJobs of(Map<String, JobProperties> jobs, ZoneId zone) {
    Map<String, JobSpec> specs = new LinkedHashMap<>();
    jobs.forEach((id, job) -> specs.put(id, spec(id, job, zone)));
    return new DeclarativeJobs(specs);
  }

  Map<String, JobSpec> specs() {
    return specs;
  }

  /** Declares every job: adds it, or reconciles the stored job with its id with it. */
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

  private static JobSpec spec(String id, JobProperties job, ZoneId zone) {
    JobDefinition definition =
        JobDefinition.fromProperties()
            .task(key(id, "task"), job.getTask())
            .set(Field.ID, key(id, ""), id)
            .set(Field.NAME, key(id, "name"), job.getName())
            .set(Field.MISFIRE_GRACE_TIME, key(id, "misfire-grace-time"), job.getMisfireGraceTime())
            .set(
                Field.COALESCE,
                key(id, "coalesce"),
                job.getCoalesce() != null ? job.getCoalesce().policy() : null)
            .set(Field.MAX_INSTANCES, key(id, "max-instances"), job.getMaxInstances())
            .set(Field.JOBSTORE, key(id, "jobstore"), job.getJobstore())
            .set(Field.EXECUTOR, key(id, "executor"), job.getExecutor())
            .args(new ArrayList<Object>(job.getArgs()))
            .kwargs(job.getKwargs())
            .paused(job.isPaused());
    trigger(id, job, definition);
    try {
      return JobDefinitionTranslator.translate(definition, zone);
    } catch (InvalidJobDefinitionException e) {
      throw new InvalidSchedulerPropertyException(
          e.key(), e.value(), e.allowed(), e.getMessage(), e.getCause());
    }
  }

  private static void trigger(String id, JobProperties job, JobDefinition definition) {
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
    if (job.getCron() != null) {
      definition.cron(key(id, "cron"), job.getCron());
    } else if (job.getInterval() != null) {
      definition.interval(key(id, "interval"), job.getInterval());
    } else {
      definition.trigger(job.getTrigger().trim(), key(id, "trigger"));
    }
    job.getTriggerOptions()
        .forEach(
            (option, value) ->
                definition.option(option, key(id, "trigger-options." + option), value));
  }

  static String key(String id, String property) {
    return "scheduler.jobs." + id + (property.isEmpty() ? "" : "." + property);
  }
}
