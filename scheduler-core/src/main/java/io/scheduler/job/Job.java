package io.scheduler.job;

import io.scheduler.internal.Require;
import io.scheduler.trigger.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An immutable snapshot of a scheduled job: its task, trigger, options and next run time. The
 * scheduler hands out snapshots; change a job through the scheduler ({@code modifyJob}, {@code
 * pauseJob}, ...), which stores a new snapshot. Snapshots compare by identity.
 */
public final class Job {

  /** Orders jobs by next run time, earliest first; paused jobs last. */
  public static final Comparator<Job> BY_NEXT_RUN_TIME = Job::compareNextRunTime;

  private final String id;
  private final String name;
  private final Task task;
  private final @Nullable TaskRef taskRef;
  private final Trigger trigger;
  private final List<Object> args;
  private final Map<String, Object> kwargs;
  private final @Nullable Duration misfireGraceTime;
  private final CoalescePolicy coalesce;
  private final int maxInstances;
  private final String executor;
  private final String jobStore;
  // The instant given, not a copy: a date job's is its trigger's run instant, so a stored one-shot
  // job costs no Instant of its own; null while paused.
  private final @Nullable Instant nextRunTime;

  private Job(Job base, @Nullable Instant nextRunTime) {
    this(
        base.id,
        base.name,
        base.task,
        base.taskRef,
        base.trigger,
        base.args,
        base.kwargs,
        base.misfireGraceTime,
        base.coalesce,
        base.maxInstances,
        base.executor,
        base.jobStore,
        nextRunTime);
  }

  private Job(
      String id,
      String name,
      Task task,
      @Nullable TaskRef taskRef,
      Trigger trigger,
      List<Object> args,
      Map<String, Object> kwargs,
      @Nullable Duration misfireGraceTime,
      CoalescePolicy coalesce,
      int maxInstances,
      String executor,
      String jobStore,
      @Nullable Instant nextRunTime) {
    this.id = id;
    this.name = name;
    this.task = task;
    this.taskRef = taskRef;
    this.trigger = trigger;
    this.args = args;
    this.kwargs = kwargs;
    this.misfireGraceTime = misfireGraceTime;
    this.coalesce = coalesce;
    this.maxInstances = maxInstances;
    this.executor = executor;
    this.jobStore = jobStore;
    this.nextRunTime = nextRunTime;
  }

  /**
   * Creates a job from a spec whose id, task and trigger have been resolved; the spec's unset
   * options take the given defaults. This is the scheduler's (and a persistent store's) last step;
   * applications add jobs with {@code Scheduler.addJob(JobSpec)}.
   *
   * @param spec the job's description
   * @param id the job id (the spec's, or a generated one)
   * @param task the code to run (the spec's, or its resolved {@link TaskRef})
   * @param trigger the trigger (the spec's, or one built from its alias and options)
   * @param defaults the scheduler's defaults for options the spec leaves unset
   * @param nextRunTime the first run time, or {@code null} for a paused job
   * @return the job
   */
  public static Job create(
      JobSpec spec,
      String id,
      Task task,
      Trigger trigger,
      JobDefaults defaults,
      @Nullable Instant nextRunTime) {
    // A first character that is not whitespace settles it without the scan isBlank() calls into.
    Require.requireArgument(
        !id.isEmpty() && (!Character.isWhitespace(id.charAt(0)) || !id.isBlank()),
        "id must not be blank, but was '%s'",
        id);
    // Read from the options directly: a burst of adds meets this cold, before calls are inlined.
    SpecOptions options = spec.options();
    @Nullable TaskRef taskRef = options.taskRef;
    @Nullable String name = options.name;
    if (name == null) {
      name = taskRef != null ? taskRef.value() : id;
    }
    return new Job(
        id,
        name,
        task,
        taskRef,
        trigger,
        options.args,
        options.kwargs,
        options.misfireGraceTimeIsSet
            ? options.misfireGraceTime
            : defaults.misfireGraceTimeOrNull(),
        options.coalesce != null ? options.coalesce : defaults.coalesce(),
        options.maxInstances != null ? options.maxInstances : defaults.maxInstances(),
        options.executor,
        options.jobStore,
        nextRunTime);
  }

  /**
   * Returns a copy with another next run time.
   *
   * @param nextRunTime the new next run time, or {@code null} to pause the job
   * @return the new snapshot
   */
  public Job withNextRunTime(@Nullable Instant nextRunTime) {
    return new Job(this, nextRunTime);
  }

  /**
   * Returns the job's id, unique within its job store.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Returns the job's display name (its task reference or id unless set).
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the code the job runs.
   *
   * @return the task
   */
  public Task task() {
    return task;
  }

  /**
   * Returns the task's reference, present for jobs that name their task by text.
   *
   * @return the reference
   */
  public Optional<TaskRef> taskRef() {
    return Optional.ofNullable(taskRef);
  }

  /**
   * Returns the job's trigger.
   *
   * @return the trigger
   */
  public Trigger trigger() {
    return trigger;
  }

  /**
   * Returns the positional arguments passed to the task.
   *
   * @return the args, unmodifiable
   */
  public List<Object> args() {
    return args;
  }

  /**
   * Returns the keyword arguments passed to the task.
   *
   * @return the kwargs, unmodifiable
   */
  public Map<String, Object> kwargs() {
    return kwargs;
  }

  /**
   * Returns how late a run may start; empty means however late.
   *
   * @return the grace time
   */
  public Optional<Duration> misfireGraceTime() {
    return Optional.ofNullable(misfireGraceTime);
  }

  /**
   * Returns the policy for overdue runs.
   *
   * @return the coalesce policy
   */
  public CoalescePolicy coalesce() {
    return coalesce;
  }

  /**
   * Returns how many runs of this job may overlap.
   *
   * @return at least 1
   */
  public int maxInstances() {
    return maxInstances;
  }

  /**
   * Returns the alias of the executor that runs the job.
   *
   * @return the executor alias
   */
  public String executor() {
    return executor;
  }

  /**
   * Returns the alias of the job store that holds the job.
   *
   * @return the store alias
   */
  public String jobStore() {
    return jobStore;
  }

  /**
   * Returns when the job runs next; empty while it is paused (or not yet scheduled because the
   * scheduler has not started).
   *
   * @return the next run time
   */
  public Optional<Instant> nextRunTime() {
    return Optional.ofNullable(nextRunTime);
  }

  /**
   * Returns {@link #nextRunTime()} without the {@code Optional}, for code that reads it per job in
   * bulk (stores, the scheduling loop).
   *
   * @return the next run time, or {@code null} while paused
   */
  public @Nullable Instant nextRunTimeOrNull() {
    return nextRunTime;
  }

  /**
   * Returns whether the job has no next run time.
   *
   * @return true while paused
   */
  public boolean isPaused() {
    return nextRunTime == null;
  }

  /**
   * Returns whether the job's next run time is at or before {@code now}.
   *
   * @param now the current time
   * @return false for paused jobs
   */
  public boolean isDue(Instant now) {
    return nextRunTime != null && nextRunTime.compareTo(now) <= 0;
  }

  private static int compareNextRunTime(Job a, Job b) {
    if (a.nextRunTime == null || b.nextRunTime == null) {
      return a.nextRunTime == null ? (b.nextRunTime == null ? 0 : 1) : -1;
    }
    return a.nextRunTime.compareTo(b.nextRunTime);
  }

  /**
   * APScheduler's form, named by id (with the name beside it when it differs): {@code report
   * (trigger: cron[hour='5'], next run at: 2026-01-01T05:00Z)}, {@code report (name: Daily report,
   * trigger: ...)}.
   */
  @Override
  public String toString() {
    return id
        + (name.equals(id) ? " (" : " (name: " + name + ", ")
        + "trigger: "
        + trigger
        + (isPaused() ? ", paused)" : ", next run at: " + nextRunTime + ")");
  }
}
