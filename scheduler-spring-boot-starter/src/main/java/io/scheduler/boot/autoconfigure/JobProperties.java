package io.scheduler.boot.autoconfigure;

import io.scheduler.job.JobSpec;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.convert.DurationUnit;

/**
 * One job declared in configuration, {@code scheduler.jobs.<id>.*}. Give the trigger in exactly one
 * way: {@code cron} (an expression), {@code interval} (a duration) or {@code trigger} (an alias);
 * {@code trigger-options} adds APScheduler's trigger options to any of them, such as {@code
 * start-date}, {@code end-date}, {@code timezone} or {@code jitter}, or, with {@code trigger:
 * cron}, the cron fields {@code day-of-week}, {@code hour}, ... ({@code and} and {@code or}
 * triggers need trigger objects and cannot be declared here).
 */
public class JobProperties {

  /**
   * Task reference: 'bean:beanName#method' for a bean method or 'com.example.Type::method' for a
   * public static method.
   */
  private @Nullable String task;

  /**
   * Cron expression: 5 fields (crontab), 6 fields (Spring's dialect, seconds first) or a macro such
   * as '@daily'.
   */
  private @Nullable String cron;

  /** Time between runs. */
  @SchedulerDuration
  @DurationUnit(ChronoUnit.SECONDS)
  private @Nullable Duration interval;

  /** Trigger alias: 'date', 'interval', 'cron' or 'calendarinterval'. */
  private @Nullable String trigger;

  /**
   * Trigger options by APScheduler name (kebab-case, snake_case or camelCase), such as
   * 'day-of-week', 'hour', 'run-date', 'start-date', 'timezone' or 'jitter'.
   */
  private final Map<String, String> triggerOptions = new LinkedHashMap<>();

  /**
   * Positional arguments of the task method (a list, or comma-separated), converted to the
   * parameter types as JSON would be.
   */
  private final List<String> args = new ArrayList<>();

  /** Keyword arguments of the task method, by parameter name. */
  private final Map<String, String> kwargs = new LinkedHashMap<>();

  /** Display name of the job. Defaults to the task reference. */
  private @Nullable String name;

  /**
   * How late a run may start before it is skipped as missed; a negative value means no limit.
   * Defaults to 'scheduler.job-defaults.misfire-grace-time'.
   */
  @SchedulerDuration
  @DurationUnit(ChronoUnit.SECONDS)
  private @Nullable Duration misfireGraceTime;

  /** What to do with several overdue runs. Defaults to 'scheduler.job-defaults.coalesce'. */
  private SchedulerProperties.@Nullable Coalesce coalesce;

  /** Maximum number of overlapping runs. Defaults to 'scheduler.job-defaults.max-instances'. */
  private @Nullable Integer maxInstances;

  /** Alias of the job store that keeps the job. */
  private String jobstore = JobSpec.DEFAULT_ALIAS;

  /** Alias of the executor that runs the job. */
  private String executor = JobSpec.DEFAULT_ALIAS;

  /** Whether to add the job paused, without a next run time. */
  private boolean paused;

  public @Nullable String getTask() {
    return task;
  }

  public void setTask(@Nullable String task) {
    this.task = task;
  }

  public @Nullable String getCron() {
    return cron;
  }

  public void setCron(@Nullable String cron) {
    this.cron = cron;
  }

  public @Nullable Duration getInterval() {
    return interval;
  }

  public void setInterval(@Nullable Duration interval) {
    this.interval = interval;
  }

  public @Nullable String getTrigger() {
    return trigger;
  }

  public void setTrigger(@Nullable String trigger) {
    this.trigger = trigger;
  }

  public Map<String, String> getTriggerOptions() {
    return triggerOptions;
  }

  public List<String> getArgs() {
    return args;
  }

  public Map<String, String> getKwargs() {
    return kwargs;
  }

  public @Nullable String getName() {
    return name;
  }

  public void setName(@Nullable String name) {
    this.name = name;
  }

  public @Nullable Duration getMisfireGraceTime() {
    return misfireGraceTime;
  }

  public void setMisfireGraceTime(@Nullable Duration misfireGraceTime) {
    this.misfireGraceTime = misfireGraceTime;
  }

  public SchedulerProperties.@Nullable Coalesce getCoalesce() {
    return coalesce;
  }

  public void setCoalesce(SchedulerProperties.@Nullable Coalesce coalesce) {
    this.coalesce = coalesce;
  }

  public @Nullable Integer getMaxInstances() {
    return maxInstances;
  }

  public void setMaxInstances(@Nullable Integer maxInstances) {
    this.maxInstances = maxInstances;
  }

  public String getJobstore() {
    return jobstore;
  }

  public void setJobstore(String jobstore) {
    this.jobstore = jobstore;
  }

  public String getExecutor() {
    return executor;
  }

  public void setExecutor(String executor) {
    this.executor = executor;
  }

  public boolean isPaused() {
    return paused;
  }

  public void setPaused(boolean paused) {
    this.paused = paused;
  }
}
