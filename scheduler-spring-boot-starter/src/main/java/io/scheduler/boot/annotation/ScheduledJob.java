package io.scheduler.boot.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Schedules a method of a Spring bean as a job, APScheduler's {@code scheduled_job} decorator:
 *
 * <pre>{@code
 * @ScheduledJob(cron = "0 5 * * mon-fri", zone = "Europe/Berlin")
 * void morningReport() { ... }
 *
 * @ScheduledJob(interval = "${reports.interval:10m}", jitter = "30s")
 * void refresh(TaskContext context) { ... }
 *
 * @ScheduledJob(dayOfWeek = "mon-fri", hour = "5", minute = "30")
 * void cronFields() { ... }
 * }</pre>
 *
 * <p>Give exactly one kind of trigger: {@link #cron()}, {@link #interval()}, {@link #date()} or
 * cron fields ({@link #year()} to {@link #second()}); anything else fails at startup. Every
 * attribute is a {@code String} and may hold {@code ${...}} placeholders; durations are written
 * {@code 10s}, {@code 500ms}, {@code 5m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT10S}), and a
 * bare number is seconds. Unset attributes are empty.
 *
 * <p>The method may take no parameters or only {@link io.scheduler.job.TaskContext} parameters, and
 * may return anything: the value goes into the {@code JobExecuted} event, and a {@code
 * CompletionStage} makes the run asynchronous. Its bean must be a singleton; the method may be of
 * any visibility, except private on a proxied bean. The job's task is the reference {@code
 * bean:<beanName>#<method>}, so persistent stores can reload it; when the scheduler starts, a
 * stored job with the same id is reconciled with the annotation (no duplicates after restarts, and
 * a pause or next run time set by an operator survives unless the definition changes it). The
 * annotation may be repeated, with an explicit {@link #id()} on each.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(ScheduledJobs.class)
public @interface ScheduledJob {

  /**
   * The job id; defaults to {@code <beanName>.<methodName>}. Ids must be unique.
   *
   * @return the id
   */
  String id() default "";

  /**
   * The display name; defaults to the task reference.
   *
   * @return the name
   */
  String name() default "";

  /**
   * A cron expression: 5 fields (crontab), 6 fields (Spring's dialect, seconds first) or a macro
   * such as {@code @daily}.
   *
   * @return the expression
   */
  String cron() default "";

  /**
   * The time between runs, such as {@code 10s} or {@code PT5M}.
   *
   * @return the interval
   */
  String interval() default "";

  /**
   * The one time to run: ISO-8601 with an offset, {@code YYYY-MM-DD HH:MM:SS} or {@code YYYY-MM-DD}
   * (local times are in {@link #zone()}).
   *
   * @return the run date
   */
  String date() default "";

  /**
   * The cron field {@code year} (4 digits).
   *
   * @return the field expression
   */
  String year() default "";

  /**
   * The cron field {@code month} (1-12 or {@code jan}-{@code dec}).
   *
   * @return the field expression
   */
  String month() default "";

  /**
   * The cron field {@code day} (1-31, {@code last}, {@code 2nd fri}).
   *
   * @return the field expression
   */
  String day() default "";

  /**
   * The cron field {@code week} (ISO week 1-53).
   *
   * @return the field expression
   */
  String week() default "";

  /**
   * The cron field {@code day_of_week} (0-6 with 0 = Monday, or {@code mon}-{@code sun}).
   *
   * @return the field expression
   */
  String dayOfWeek() default "";

  /**
   * The cron field {@code hour} (0-23).
   *
   * @return the field expression
   */
  String hour() default "";

  /**
   * The cron field {@code minute} (0-59).
   *
   * @return the field expression
   */
  String minute() default "";

  /**
   * The cron field {@code second} (0-59).
   *
   * @return the field expression
   */
  String second() default "";

  /**
   * The earliest time a cron or interval trigger fires (a date-time as for {@link #date()}).
   *
   * @return the start date
   */
  String startDate() default "";

  /**
   * The latest time a cron or interval trigger fires, inclusive.
   *
   * @return the end date
   */
  String endDate() default "";

  /**
   * The trigger's time zone, an IANA id; defaults to the scheduler's ({@code scheduler.timezone}).
   *
   * @return the zone
   */
  String zone() default "";

  /**
   * The largest random delay added to each fire time, such as {@code 30s}.
   *
   * @return the jitter
   */
  String jitter() default "";

  /**
   * How late a run may start before it is skipped as missed, such as {@code 30s}; {@code none} (or
   * a negative duration) means no limit. Defaults to {@code scheduler.job-defaults}.
   *
   * @return the grace time
   */
  String misfireGraceTime() default "";

  /**
   * What to do with several overdue runs: {@code true}, {@code false}, {@code earliest}, {@code
   * latest} or {@code all}. Defaults to {@code scheduler.job-defaults}.
   *
   * @return the policy
   */
  String coalesce() default "";

  /**
   * How many runs of the job may overlap, a positive integer. Defaults to {@code
   * scheduler.job-defaults}.
   *
   * @return the limit
   */
  String maxInstances() default "";

  /**
   * The alias of the job store that keeps the job; defaults to {@code default}.
   *
   * @return the store alias
   */
  String jobstore() default "";

  /**
   * The alias of the executor that runs the job; defaults to {@code default}.
   *
   * @return the executor alias
   */
  String executor() default "";
}
