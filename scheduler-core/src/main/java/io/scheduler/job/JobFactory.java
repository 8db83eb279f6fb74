package io.scheduler.job;

import static io.scheduler.internal.Require.requireArgument;
import static io.scheduler.internal.Require.requireNonNull;

import io.scheduler.internal.JobIds;
import io.scheduler.internal.Require;
import io.scheduler.trigger.DateTrigger;
import io.scheduler.trigger.IntervalTrigger;
import io.scheduler.trigger.Trigger;
import io.scheduler.trigger.Triggers;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * The one way from a {@link JobSpec} to a {@link Job}, for the scheduler and for the stores that
 * load jobs (they receive it in their {@code JobStoreContext}): it gives a job without an id one,
 * resolves its task (a {@link TaskRef} through the scheduler's {@link TaskResolver}) and its
 * trigger (an alias built in the scheduler's zone; none means "once, now"), and applies the
 * scheduler's {@link JobDefaults} to the options the spec leaves unset. A new job's interval
 * trigger without a start date is anchored ({@link #anchor(Trigger)}), so its grid is stored with
 * it. Thread-safe.
 */
public final class JobFactory {

  private final Clock clock;
  private final ZoneId timezone;
  private final TaskResolver taskResolver;
  private final JobDefaults defaults;
  private final JobIds ids = new JobIds();

  private JobFactory(
      Clock clock, ZoneId timezone, TaskResolver taskResolver, JobDefaults defaults) {
    this.clock = requireNonNull(clock, "clock");
    this.timezone = requireNonNull(timezone, "timezone");
    this.taskResolver = requireNonNull(taskResolver, "taskResolver");
    this.defaults = requireNonNull(defaults, "defaults");
  }

  /**
   * Returns a factory with a scheduler's settings.
   *
   * @param clock the scheduler's clock (for jobs that run once, now, and first run times)
   * @param timezone the zone of triggers given by alias
   * @param taskResolver resolves task references
   * @param defaults the options of jobs that leave them unset
   * @return the factory
   */
  public static JobFactory of(
      Clock clock, ZoneId timezone, TaskResolver taskResolver, JobDefaults defaults) {
    return new JobFactory(clock, timezone, taskResolver, defaults);
  }

  /**
   * Creates a job from a spec that carries its id, as a store does when it loads a job. The next
   * run time is taken as stored, whatever it is (an operator's {@code 0}, an older version's
   * extreme): only the API refuses times that stores cannot hold, and the engine's due-run
   * calculation is bounded for any of them.
   *
   * @param spec the job's description, with its id
   * @param nextRunTime the job's next run time, or {@code null} when paused
   * @return the job
   * @throws IllegalArgumentException when the spec has no id, or its task or trigger is invalid
   */
  public Job create(JobSpec spec, @Nullable Instant nextRunTime) {
    @Nullable String id = spec.id();
    requireArgument(id != null, "the spec of a stored job must have an id, but it has none");
    Trigger trigger = trigger(spec);
    return Job.create(spec, id, task(spec), trigger, defaults, nextRunTime);
  }

  /**
   * Creates a job from a spec whose id, task and trigger have been resolved (by {@link #id}, {@link
   * #task} and {@link #trigger}), applying the defaults to the options the spec leaves unset.
   *
   * @param spec the job's description
   * @param id the job's id
   * @param task the spec's resolved task
   * @param trigger the spec's resolved trigger
   * @param nextRunTime the job's next run time, or {@code null} when paused
   * @return the job
   */
  public Job create(
      JobSpec spec, String id, Task task, Trigger trigger, @Nullable Instant nextRunTime) {
    // A time from the trigger (a run date of Instant.MAX, say) is checked as a given one is.
    Require.requireStorable(nextRunTime, "nextRunTime");
    return Job.create(spec, id, task, trigger, defaults, nextRunTime);
  }

  /**
   * Returns the id of the job a spec describes: its own or a new one.
   *
   * @param spec the spec
   * @return the id
   */
  public String id(JobSpec spec) {
    @Nullable String id = spec.id();
    return id != null ? id : ids.next();
  }

  /**
   * Returns a spec's trigger: its own, one built from its alias and options in the scheduler's
   * zone, or, when it has neither, one that fires once, now.
   *
   * @param spec the spec
   * @return the trigger
   * @throws IllegalArgumentException when the alias or its options are invalid
   */
  public Trigger trigger(JobSpec spec) {
    @Nullable Trigger trigger = spec.trigger();
    if (trigger != null) {
      return trigger;
    }
    @Nullable String alias = spec.triggerAlias();
    if (alias != null) {
      return Triggers.create(alias, spec.triggerOptions(), timezone);
    }
    return DateTrigger.at(clock.instant(), timezone);
  }

  /**
   * Returns the trigger a new job keeps: an interval trigger without a start date anchored one
   * interval after now (APScheduler fixes the grid when the trigger is created), so the grid is
   * stored with the job and survives restarts, resume and late starts; any other trigger as it is.
   * The clock is read only for such an interval trigger.
   *
   * @param trigger a new job's trigger
   * @return the trigger to store
   */
  public Trigger anchor(Trigger trigger) {
    if (trigger instanceof IntervalTrigger interval && !interval.isAnchored()) {
      return anchor(interval, clock.instant());
    }
    return trigger;
  }

  /**
   * Returns the trigger a declared job keeps when a job with its id is stored already: the stored
   * trigger when the declared one is an interval trigger without a start date that matches the
   * stored one but for the anchor the stored one received when it was first stored (or matches a
   * stored one without an anchor, stored by an earlier version); otherwise the declared trigger,
   * {@linkplain #anchor(Trigger) anchored} at {@code now}.
   *
   * @param declared the declared trigger
   * @param stored the stored job's trigger
   * @param now the current time
   * @return the trigger the job keeps
   */
  public Trigger declaredTrigger(Trigger declared, Trigger stored, Instant now) {
    if (declared instanceof IntervalTrigger interval && !interval.isAnchored()) {
      if (interval.equals(stored)
          || (stored instanceof IntervalTrigger storedInterval
              && storedInterval.isAnchored()
              && interval.withStartDate(storedInterval.startDate()).equals(storedInterval))) {
        return stored;
      }
      return anchor(interval, now);
    }
    return declared;
  }

  private static IntervalTrigger anchor(IntervalTrigger interval, Instant now) {
    Instant start = now.truncatedTo(ChronoUnit.MICROS).plus(interval.interval());
    return interval.withStartDate(start.atZone(interval.zone()));
  }

  /**
   * Returns a spec's task: its own, or its task reference resolved.
   *
   * @param spec the spec
   * @return the task
   * @throws IllegalArgumentException when the reference cannot be resolved
   */
  public Task task(JobSpec spec) {
    @Nullable Task task = spec.task();
    if (task != null) {
      return task;
    }
    return taskResolver.resolve(
        requireNonNull(spec.taskRef(), "taskRef"), spec.args(), spec.kwargs());
  }

  /**
   * Returns the first run time of a new job: its trigger's first fire time from now, reading the
   * clock only when the trigger needs it.
   *
   * @param trigger the job's trigger
   * @return the time, or {@code null} when the trigger never fires
   */
  public @Nullable Instant firstRunTime(Trigger trigger) {
    @Nullable Instant only = trigger.onlyFireTime();
    return only != null ? only : firstRunTime(trigger, clock.instant());
  }

  /**
   * Refuses a trigger that never fires at or after {@code now}, naming it: a new job with such a
   * trigger (or a job given it) could never run, and would be stored paused (as APScheduler does).
   *
   * @param id the job's id
   * @param trigger its trigger
   * @param now the current time
   * @return the trigger's first fire time at or after {@code now}
   * @throws IllegalArgumentException naming the job and the trigger when it never fires
   */
  public Instant requireFiring(String id, Trigger trigger, Instant now) {
    @Nullable Instant first = firstRunTime(trigger, now);
    if (first == null) {
      throw new IllegalArgumentException(
          "trigger "
              + trigger
              + " of job '"
              + id
              + "' never fires at or after "
              + now
              + ", so the job could never run");
    }
    return first;
  }

  /**
   * Returns a trigger's first fire time at or after {@code now}.
   *
   * @param trigger the trigger
   * @param now the current time
   * @return the time, or {@code null} when the trigger never fires
   */
  public @Nullable Instant firstRunTime(Trigger trigger, Instant now) {
    @Nullable Instant only = trigger.onlyFireTime();
    if (only != null) {
      return only;
    }
    return trigger
        .nextFireTime(null, now.atZone(timezone))
        .map(ZonedDateTime::toInstant)
        .orElse(null);
  }
}
