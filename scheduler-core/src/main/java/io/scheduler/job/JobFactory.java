package io.scheduler.job;

import static io.scheduler.internal.Require.requireArgument;
import static io.scheduler.internal.Require.requireNonNull;

import io.scheduler.internal.JobIds;
import io.scheduler.trigger.DateTrigger;
import io.scheduler.trigger.Trigger;
import io.scheduler.trigger.Triggers;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;

/**
 * The one way from a {@link JobSpec} to a {@link Job}, for the scheduler and for the stores that
 * load jobs (they receive it in their {@code JobStoreContext}): it gives a job without an id one,
 * resolves its task (a {@link TaskRef} through the scheduler's {@link TaskResolver}) and its
 * trigger (an alias built in the scheduler's zone; none means "once, now"), and applies the
 * scheduler's {@link JobDefaults} to the options the spec leaves unset. Thread-safe.
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
   * Creates a job from a spec that carries its id, as a store does when it loads a job.
   *
   * @param spec the job's description, with its id
   * @param nextRunTime the job's next run time, or {@code null} when paused
   * @return the job
   * @throws IllegalArgumentException when the spec has no id, or its task or trigger is invalid
   */
  public Job create(JobSpec spec, @Nullable Instant nextRunTime) {
    @Nullable String id = spec.id();
    requireArgument(id != null, "the spec of a stored job must have an id, but it has none");
    return draft(spec, id).job(nextRunTime);
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
   * Resolves a spec's task and trigger, so that its job can be created once its next run time is
   * known.
   *
   * @param spec the spec
   * @param id the job's id (from {@link #id(JobSpec)})
   * @return the resolved spec
   * @throws IllegalArgumentException when the task or trigger is invalid
   */
  public Draft draft(JobSpec spec, String id) {
    Trigger trigger = trigger(spec);
    Task task = task(spec);
    return new Draft(spec, id, task, trigger);
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

  private Trigger trigger(JobSpec spec) {
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

  private Task task(JobSpec spec) {
    @Nullable Task task = spec.task();
    if (task != null) {
      return task;
    }
    return taskResolver.resolve(
        requireNonNull(spec.taskRef(), "taskRef"), spec.args(), spec.kwargs());
  }

  /** A spec whose id, task and trigger are resolved; {@link #job} creates its job. */
  public final class Draft {
    private final JobSpec spec;
    private final String id;
    private final Task task;
    private final Trigger trigger;

    private Draft(JobSpec spec, String id, Task task, Trigger trigger) {
      this.spec = spec;
      this.id = id;
      this.task = task;
      this.trigger = trigger;
    }

    /**
     * Returns the job's id.
     *
     * @return the id
     */
    public String id() {
      return id;
    }

    /**
     * Returns the resolved trigger.
     *
     * @return the trigger
     */
    public Trigger trigger() {
      return trigger;
    }

    /**
     * Creates the job.
     *
     * @param nextRunTime its next run time, or {@code null} when paused
     * @return the job
     */
    public Job job(@Nullable Instant nextRunTime) {
      return Job.create(spec, id, task, trigger, defaults, nextRunTime);
    }
  }
}
