package io.scheduler.job;

import static io.scheduler.internal.Require.requireArgument;
import static io.scheduler.internal.Require.requireNonNull;

import io.scheduler.internal.JobIds;
import io.scheduler.internal.Require;
import io.scheduler.trigger.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/**
 * What to schedule: APScheduler's {@code add_job(...)} arguments as a validated value. Options left
 * unset take the scheduler's {@link JobDefaults}; a missing trigger means "run once, now"; a
 * missing id is generated.
 *
 * <pre>{@code
 * scheduler.addJob(JobSpec.builder()
 *     .id("report")
 *     .task(() -> reports.send())
 *     .trigger("cron", Map.of("day_of_week", "mon-fri", "hour", 5))
 *     .build());
 * }</pre>
 */
public final class JobSpec {

  /** The alias of the job store and of the executor that jobs use unless they name another. */
  public static final String DEFAULT_ALIAS = "default";

  /**
   * The longest job id, in UTF-16 characters: what every store can hold (the JDBC schemas' {@code
   * VARCHAR(191)}, which fits MySQL's utf8mb4 index limit).
   */
  public static final int MAX_ID_LENGTH = JobIds.MAX_LENGTH;

  private final @Nullable String id;
  private final @Nullable Task task;
  private final @Nullable Trigger trigger;
  // Every other setting, in one object shared by all specs that leave them as they are: the spec
  // of a common job (a task and a trigger) is three references and this one.
  private final SpecOptions options;

  private JobSpec(Builder builder) {
    this.id = builder.id;
    this.task = builder.task;
    this.trigger = builder.trigger;
    this.options = builder.options;
  }

  /**
   * Returns an empty builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding every setting of an existing job, to change some of them ({@code
   * modifyJob} hands one of these to its callback). The next run time is copied when the job has
   * one; a paused job's builder leaves it unset.
   *
   * @param job the job to copy
   * @return a new builder
   */
  public static Builder from(Job job) {
    Builder builder =
        new Builder()
            .id(job.id())
            .name(job.name())
            .args(job.args())
            .kwargs(job.kwargs())
            .trigger(job.trigger())
            .misfireGraceTime(job.misfireGraceTime().orElse(null))
            .coalesce(job.coalesce())
            .maxInstances(job.maxInstances())
            .jobStore(job.jobStore())
            .executor(job.executor());
    job.nextRunTime().ifPresent(builder::nextRunTime);
    if (job.taskRef().isPresent()) {
      builder.task(job.taskRef().get());
    } else {
      builder.task(job.task());
    }
    return builder;
  }

  /**
   * Returns the id, or {@code null} to have one generated.
   *
   * @return the id
   */
  public @Nullable String id() {
    return id;
  }

  /**
   * Returns the display name, or {@code null} for the task reference or id.
   *
   * @return the name
   */
  public @Nullable String name() {
    return options.name;
  }

  /**
   * Returns the task given as code, or {@code null} when the task is a {@link #taskRef()}.
   *
   * @return the task
   */
  public @Nullable Task task() {
    return task;
  }

  /**
   * Returns the task given by reference, or {@code null} when it is code.
   *
   * @return the reference
   */
  public @Nullable TaskRef taskRef() {
    return options.taskRef;
  }

  /**
   * Returns the positional arguments.
   *
   * @return the args, unmodifiable (may hold nulls)
   */
  public List<Object> args() {
    return options.args;
  }

  /**
   * Returns the keyword arguments.
   *
   * @return the kwargs, unmodifiable, in insertion order
   */
  public Map<String, Object> kwargs() {
    return options.kwargs;
  }

  /**
   * Returns the trigger object, or {@code null} when given by alias (or not at all).
   *
   * @return the trigger
   */
  public @Nullable Trigger trigger() {
    return trigger;
  }

  /**
   * Returns the trigger alias ({@code cron}, {@code interval}, ...), or {@code null}.
   *
   * @return the alias
   */
  public @Nullable String triggerAlias() {
    return options.triggerAlias;
  }

  /**
   * Returns the options for {@link #triggerAlias()}.
   *
   * @return the options, unmodifiable
   */
  public Map<String, Object> triggerOptions() {
    return options.triggerOptions;
  }

  /**
   * Returns whether the spec sets the misfire grace time (possibly to "no limit").
   *
   * @return true when set
   */
  public boolean misfireGraceTimeIsSet() {
    return options.misfireGraceTimeIsSet;
  }

  /**
   * Returns the misfire grace time; {@code null} means no limit when {@link
   * #misfireGraceTimeIsSet()}, otherwise the scheduler's default.
   *
   * @return the grace time
   */
  public @Nullable Duration misfireGraceTime() {
    return options.misfireGraceTime;
  }

  /**
   * Returns the coalesce policy, or {@code null} for the scheduler's default.
   *
   * @return the policy
   */
  public @Nullable CoalescePolicy coalesce() {
    return options.coalesce;
  }

  /**
   * Returns the instance limit, or {@code null} for the scheduler's default.
   *
   * @return the limit
   */
  public @Nullable Integer maxInstances() {
    return options.maxInstances;
  }

  /**
   * Returns whether the spec sets the first run time explicitly (possibly to "paused").
   *
   * @return true when set
   */
  public boolean nextRunTimeIsSet() {
    return options.nextRunTimeIsSet;
  }

  /**
   * Returns the explicit first run time; {@code null} means paused when {@link
   * #nextRunTimeIsSet()}, otherwise the trigger's first fire time.
   *
   * @return the first run time
   */
  public @Nullable Instant nextRunTime() {
    return options.nextRunTime;
  }

  /**
   * Returns the alias of the job store to keep the job in.
   *
   * @return the store alias
   */
  public String jobStore() {
    return options.jobStore;
  }

  /**
   * Returns the alias of the executor to run the job on.
   *
   * @return the executor alias
   */
  public String executor() {
    return options.executor;
  }

  /**
   * Returns whether an existing job with the same id is reconciled with this spec rather than
   * rejected (see {@link Builder#replaceExisting}).
   *
   * @return true to reconcile
   */
  public boolean replaceExisting() {
    return options.replaceExisting;
  }

  /** The settings besides id, task and trigger; {@link SpecOptions#DEFAULTS} when none was set. */
  SpecOptions options() {
    return options;
  }

  @Override
  public String toString() {
    return "JobSpec[id="
        + id
        + ", task="
        + (options.taskRef != null ? options.taskRef : task)
        + ", trigger="
        + (trigger != null
            ? trigger
            : options.triggerAlias + String.valueOf(options.triggerOptions))
        + "]";
  }

  /** Builds a {@link JobSpec}; every setter validates its value at once. */
  public static final class Builder {

    private @Nullable String id;
    private @Nullable Task task;
    private @Nullable Trigger trigger;
    private SpecOptions options = SpecOptions.DEFAULTS;
    // Whether options may be shared (the defaults, or a built spec's): copied before a change.
    private boolean optionsShared = true;

    private Builder() {}

    /** The options to change: this builder's own, copied from shared ones on the first change. */
    private SpecOptions edit() {
      if (optionsShared) {
        options = options.copy();
        optionsShared = false;
      }
      return options;
    }

    /**
     * Sets the job id; without one, a unique id is generated.
     *
     * @param id a non-blank id of at most {@value JobSpec#MAX_ID_LENGTH} characters, without
     *     control characters
     * @return this builder
     */
    public Builder id(String id) {
      this.id = JobIds.requireValid(id);
      return this;
    }

    /**
     * Sets the display name.
     *
     * @param name a non-blank name
     * @return this builder
     */
    public Builder name(String name) {
      requireArgument(
          name != null && !name.isBlank(), "name must not be blank, but was '%s'", name);
      edit().name = name;
      return this;
    }

    /**
     * Sets the task: a {@link Runnable} or a method reference to a no-argument void method.
     *
     * @param runnable the code to run
     * @return this builder
     */
    public Builder task(Runnable runnable) {
      return task(Task.of(requireNonNull(runnable, "task")));
    }

    /**
     * Sets the task: a {@link Callable} whose result goes into the {@code JOB_EXECUTED} event.
     *
     * @param callable the code to call
     * @return this builder
     */
    public Builder task(Callable<?> callable) {
      return task(Task.of(requireNonNull(callable, "task")));
    }

    /**
     * Sets the task as a {@link Task}, which receives the run's {@link TaskContext}.
     *
     * @param task the code to run
     * @return this builder
     */
    public Builder task(Task task) {
      this.task = requireNonNull(task, "task");
      if (options.taskRef != null) {
        edit().taskRef = null;
      }
      return this;
    }

    /**
     * Sets the task by reference, for jobs that persistent stores can reload.
     *
     * @param taskRef the reference
     * @return this builder
     */
    public Builder task(TaskRef taskRef) {
      edit().taskRef = requireNonNull(taskRef, "taskRef");
      this.task = null;
      return this;
    }

    /**
     * Sets the task by reference text, such as {@code com.example.Reports::daily}.
     *
     * @param taskRef the reference text
     * @return this builder
     */
    public Builder task(String taskRef) {
      return task(TaskRef.of(taskRef));
    }

    /**
     * Sets the positional arguments.
     *
     * @param args the args (nulls allowed)
     * @return this builder
     */
    public Builder args(@Nullable Object... args) {
      return args(Arrays.asList(requireNonNull(args, "args")));
    }

    /**
     * Sets the positional arguments.
     *
     * @param args the args (nulls allowed)
     * @return this builder
     */
    public Builder args(List<?> args) {
      requireNonNull(args, "args");
      edit().args =
          args.isEmpty() ? List.of() : Collections.unmodifiableList(new ArrayList<>(args));
      return this;
    }

    /**
     * Sets the keyword arguments.
     *
     * @param kwargs the kwargs (null values allowed, null keys not)
     * @return this builder
     */
    public Builder kwargs(Map<String, ?> kwargs) {
      requireNonNull(kwargs, "kwargs");
      for (String key : kwargs.keySet()) {
        requireArgument(key != null, "kwargs keys must not be null, but were %s", kwargs.keySet());
      }
      edit().kwargs =
          kwargs.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(kwargs));
      return this;
    }

    /**
     * Sets the trigger.
     *
     * @param trigger the trigger
     * @return this builder
     */
    public Builder trigger(Trigger trigger) {
      this.trigger = requireNonNull(trigger, "trigger");
      if (options.triggerAlias != null) {
        SpecOptions edited = edit();
        edited.triggerAlias = null;
        edited.triggerOptions = Map.of();
      }
      return this;
    }

    /**
     * Sets the trigger by alias and options, built with {@code Triggers.create} in the scheduler's
     * time zone when the job is added (APScheduler's {@code add_job(func, 'cron', hour=5)}).
     *
     * @param alias {@code date}, {@code interval}, {@code cron}, {@code calendarinterval}, {@code
     *     and} or {@code or}
     * @param options the trigger's options
     * @return this builder
     */
    public Builder trigger(String alias, Map<String, ?> options) {
      requireArgument(
          alias != null && !alias.isBlank(),
          "trigger alias must not be blank, but was '%s'",
          alias);
      requireNonNull(options, "options");
      SpecOptions edited = edit();
      edited.triggerAlias = alias;
      edited.triggerOptions = SpecOptions.immutableCopy(options);
      this.trigger = null;
      return this;
    }

    /**
     * Sets how late a run may start before it is skipped as missed.
     *
     * @param misfireGraceTime a positive duration, or {@code null} to run however late
     * @return this builder
     */
    public Builder misfireGraceTime(@Nullable Duration misfireGraceTime) {
      SpecOptions edited = edit();
      edited.misfireGraceTime = JobDefaults.checkGraceTime(misfireGraceTime);
      edited.misfireGraceTimeIsSet = true;
      return this;
    }

    /**
     * Sets APScheduler's boolean {@code coalesce}.
     *
     * @param coalesce true for {@link CoalescePolicy#LATEST}, false for {@link CoalescePolicy#ALL}
     * @return this builder
     */
    public Builder coalesce(boolean coalesce) {
      edit().coalesce = CoalescePolicy.of(coalesce);
      return this;
    }

    /**
     * Sets the policy for overdue runs.
     *
     * @param coalesce the policy
     * @return this builder
     */
    public Builder coalesce(CoalescePolicy coalesce) {
      edit().coalesce = requireNonNull(coalesce, "coalesce");
      return this;
    }

    /**
     * Sets how many runs of the job may overlap.
     *
     * @param maxInstances at least 1
     * @return this builder
     */
    public Builder maxInstances(int maxInstances) {
      edit().maxInstances = JobDefaults.checkMaxInstances(maxInstances);
      return this;
    }

    /**
     * Sets the first run time instead of the trigger's; {@code null} adds the job paused.
     *
     * @param nextRunTime the first run time, or {@code null}
     * @return this builder
     */
    public Builder nextRunTime(@Nullable Instant nextRunTime) {
      SpecOptions edited = edit();
      edited.nextRunTime = Require.requireStorable(nextRunTime, "nextRunTime");
      edited.nextRunTimeIsSet = true;
      return this;
    }

    /**
     * Sets the first run time instead of the trigger's.
     *
     * @param nextRunTime the first run time
     * @return this builder
     */
    public Builder nextRunTime(ZonedDateTime nextRunTime) {
      return nextRunTime(requireNonNull(nextRunTime, "nextRunTime").toInstant());
    }

    /**
     * Adds the job paused (no next run time); {@code resumeJob} schedules it.
     *
     * @return this builder
     */
    public Builder paused() {
      return nextRunTime((Instant) null);
    }

    /**
     * Sets the alias of the job store to keep the job in.
     *
     * @param jobStore the store alias
     * @return this builder
     */
    public Builder jobStore(String jobStore) {
      requireArgument(
          jobStore != null && !jobStore.isBlank(),
          "jobStore must not be blank, but was '%s'",
          jobStore);
      edit().jobStore = jobStore;
      return this;
    }

    /**
     * Sets the alias of the executor to run the job on.
     *
     * @param executor the executor alias
     * @return this builder
     */
    public Builder executor(String executor) {
      requireArgument(
          executor != null && !executor.isBlank(),
          "executor must not be blank, but was '%s'",
          executor);
      edit().executor = executor;
      return this;
    }

    /**
     * Sets whether a job with the same id in the same store is reconciled with this spec instead of
     * rejected: APScheduler's {@code replace_existing=True}, "keep the stored job in sync with the
     * code". An unchanged definition changes nothing (a paused job stays paused, its next run time
     * stays); a changed trigger gives a next run time from the new trigger (a paused job stays
     * paused); other changed options are updated in place; a next run time or {@link #paused()} set
     * here is applied. The comparison and the write are atomic in shared stores.
     *
     * @param replaceExisting true to reconcile
     * @return this builder
     */
    public Builder replaceExisting(boolean replaceExisting) {
      edit().replaceExisting = replaceExisting;
      return this;
    }

    /**
     * Builds the spec.
     *
     * @return the spec
     * @throws IllegalArgumentException when no task was set
     */
    public JobSpec build() {
      requireArgument(
          task != null || options.taskRef != null,
          "task must be set (a Runnable, Callable, Task or TaskRef), but was null");
      optionsShared = true;
      return new JobSpec(this);
    }
  }
}
