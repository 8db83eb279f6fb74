package io.scheduler;

import io.scheduler.event.EventType;
import io.scheduler.event.SchedulerListener;
import io.scheduler.exception.ConflictingJobIdException;
import io.scheduler.exception.JobNotFoundException;
import io.scheduler.executor.JobExecutor;
import io.scheduler.job.Job;
import io.scheduler.job.JobSpec;
import io.scheduler.store.JobStore;
import io.scheduler.store.UnloadableJob;
import io.scheduler.trigger.Trigger;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs jobs at the times their triggers give, APScheduler's scheduler on the JVM. Every method is
 * thread-safe and may be called from jobs and listeners.
 *
 * <p>Create one with {@link BackgroundScheduler#builder()} or {@link BlockingScheduler#builder()}
 * (or, in tests, {@code ManualScheduler}); add jobs before or after {@link #start()}; end with
 * {@link #shutdown(boolean)}.
 */
public interface Scheduler {

  /**
   * Adds a job (APScheduler's {@code add_job}). Before {@link #start()} the job is pending: its
   * first run time is computed when the scheduler starts. With {@code replaceExisting} the spec is
   * a declaration that a job with the same id may already be stored under: it is reconciled with
   * that job rather than replacing it, so what operators set survives restarts (unchanged: nothing
   * changes and no event; trigger changed: next run time from the new trigger unless paused; other
   * options changed: updated in place; {@code JOB_MODIFIED} when changed; see the README's
   * "Declared jobs").
   *
   * @param spec the job
   * @return the job as stored
   * @throws ConflictingJobIdException when its store has a job with the same id and the spec does
   *     not replace existing jobs
   * @throws IllegalArgumentException when the trigger options, task reference or args are invalid,
   *     or the job names an unknown store or executor
   */
  Job addJob(JobSpec spec);

  /**
   * Adds several jobs at once: every spec is checked first, so invalid input adds nothing; then
   * each store receives its jobs as one batch (a persistent store writes them in one transaction),
   * which is much faster than adding them one by one.
   *
   * @param specs the jobs
   * @return the jobs as stored, in the order given
   * @throws ConflictingJobIdException when a store has a job with the id of a spec that does not
   *     replace existing jobs (a store that writes batches in one transaction then adds none of its
   *     batch)
   * @throws IllegalArgumentException when a spec is invalid (nothing is added), or two specs have
   *     the same id
   */
  List<Job> addJobs(List<JobSpec> specs);

  /**
   * Changes a job (APScheduler's {@code modify_job}): {@code changes} receives a builder holding
   * the job's settings. The id and the store cannot change; changing the trigger keeps the next run
   * time unless the builder sets one.
   *
   * @param id the job id
   * @param changes edits the builder
   * @return the changed job
   * @throws JobNotFoundException when no job has the id
   */
  Job modifyJob(String id, Consumer<JobSpec.Builder> changes);

  /**
   * Gives a job a new trigger and computes its next run time from now; a trigger with no future
   * fire time leaves the job paused.
   *
   * @param id the job id
   * @param trigger the new trigger
   * @return the changed job
   * @throws JobNotFoundException when no job has the id
   */
  Job rescheduleJob(String id, Trigger trigger);

  /**
   * Gives a job a new trigger built from an alias and options in the scheduler's time zone.
   *
   * @param id the job id
   * @param triggerAlias the trigger alias, such as {@code cron}
   * @param triggerOptions the trigger's options
   * @return the changed job
   * @throws JobNotFoundException when no job has the id
   */
  Job rescheduleJob(String id, String triggerAlias, Map<String, ?> triggerOptions);

  /**
   * Pauses a job: it keeps its trigger but has no next run time until resumed.
   *
   * @param id the job id
   * @return the paused job
   * @throws JobNotFoundException when no job has the id
   */
  Job pauseJob(String id);

  /**
   * Resumes a paused job from now. A job whose trigger has no more fire times is removed instead.
   *
   * @param id the job id
   * @return the resumed job, or empty when it was removed
   * @throws JobNotFoundException when no job has the id
   */
  Optional<Job> resumeJob(String id);

  /**
   * Runs a job once, now, outside its schedule ("run now"): the run goes to the job's executor like
   * a scheduled run, counts against its {@code maxInstances} (across every scheduler sharing a
   * persistent store) and is announced with the usual events ({@code JOB_SUBMITTED}, then {@code
   * JOB_EXECUTED} or {@code JOB_ERROR}; {@code JOB_MAX_INSTANCES} when the limit refuses it). The
   * job's schedule is not touched: its next run time stays, and a paused job stays paused. Works
   * while the scheduler is paused too.
   *
   * @param id the job id
   * @return whether the run was submitted; false when {@code maxInstances} refused it
   * @throws JobNotFoundException when no job has the id
   * @throws IllegalStateException when the scheduler is not started
   */
  boolean runJob(String id);

  /**
   * Removes a job from whichever store holds it. A run in progress finishes.
   *
   * @param id the job id
   * @throws JobNotFoundException when no job has the id
   */
  void removeJob(String id);

  /** Removes every job from every store (and every pending job). */
  void removeAllJobs();

  /**
   * Removes every job from one store.
   *
   * @param jobStore the store alias
   */
  void removeAllJobs(String jobStore);

  /**
   * Returns a job by id, searching every store.
   *
   * @param id the job id
   * @return the job, or empty
   */
  Optional<Job> getJob(String id);

  /**
   * Returns every job: the pending ones while stopped, otherwise the stored ones, store by store,
   * each by next run time.
   *
   * @return the jobs
   */
  List<Job> getJobs();

  /**
   * Returns the jobs of one store (the pending ones for it while stopped).
   *
   * @param jobStore the store alias
   * @return the jobs
   */
  List<Job> getJobs(String jobStore);

  /**
   * Returns the stored jobs that cannot be loaded (corrupt data, a task that cannot be resolved
   * here), store by store, each with the reason: they are missing from {@link #getJobs()}, kept
   * untouched, and {@link #removeJob} removes them. Empty while stopped.
   *
   * @return the jobs that cannot be loaded
   */
  List<UnloadableJob> getUnloadableJobs();

  /**
   * Writes APScheduler's job listing: per store, one line per job with trigger and next run time.
   *
   * @param out where to write
   * @throws UncheckedIOException when writing fails
   */
  void printJobs(Appendable out);

  /** Writes the job listing to standard output. */
  default void printJobs() {
    printJobs(System.out);
  }

  /**
   * Starts the scheduler: executors and stores start, pending jobs are scheduled, processing
   * begins. {@link BlockingScheduler} returns only after {@link #shutdown}.
   *
   * @throws IllegalStateException when already running
   */
  default void start() {
    start(false);
  }

  /**
   * Starts the scheduler, optionally paused (no job runs until {@link #resume()}).
   *
   * @param paused whether to start paused
   * @throws IllegalStateException when already running
   */
  void start(boolean paused);

  /**
   * Pauses job processing; jobs keep their schedules and overdue runs follow the misfire rules on
   * {@link #resume()}.
   *
   * @throws IllegalStateException when the scheduler is stopped
   */
  void pause();

  /**
   * Resumes job processing.
   *
   * @throws IllegalStateException when the scheduler is stopped
   */
  void resume();

  /** Shuts down, waiting for running jobs (up to the configured shutdown timeout). */
  default void shutdown() {
    shutdown(true);
  }

  /**
   * Shuts down: processing stops, executors stop (waiting for running jobs when {@code wait}, up to
   * the configured shutdown timeout, then interrupting them), stores are closed. Idempotent.
   *
   * @param wait whether to wait for running jobs
   */
  void shutdown(boolean wait);

  /** Makes the scheduler look for due jobs now. */
  void wakeup();

  /**
   * Adds a job store under an alias.
   *
   * @param alias the alias jobs name in {@code jobStore(...)}
   * @param store the store
   * @throws IllegalArgumentException when the alias is taken
   */
  void addJobStore(String alias, JobStore store);

  /**
   * Removes a job store (and shuts it down when the scheduler runs).
   *
   * @param alias the store alias
   * @throws IllegalArgumentException when no store has the alias
   */
  void removeJobStore(String alias);

  /**
   * Adds an executor under an alias.
   *
   * @param alias the alias jobs name in {@code executor(...)}
   * @param executor the executor
   * @throws IllegalArgumentException when the alias is taken
   */
  void addExecutor(String alias, JobExecutor executor);

  /**
   * Removes an executor (and shuts it down, waiting for its running jobs, when the scheduler runs).
   *
   * @param alias the executor alias
   * @throws IllegalArgumentException when no executor has the alias
   */
  void removeExecutor(String alias);

  /**
   * Adds a listener for some event types (all types when none are given).
   *
   * @param listener the listener
   * @param types the types it receives
   */
  void addListener(SchedulerListener listener, EventType... types);

  /**
   * Removes a listener.
   *
   * @param listener the listener
   */
  void removeListener(SchedulerListener listener);

  /**
   * Returns the scheduler's state.
   *
   * @return the state
   */
  SchedulerState state();

  /**
   * Returns the scheduler's default time zone (for triggers given by alias).
   *
   * @return the zone
   */
  ZoneId timezone();

  /**
   * Returns the clock every time is read from.
   *
   * @return the clock
   */
  Clock clock();

  /**
   * Returns how many runs of each job are in progress, for jobs that have one.
   *
   * @return running instances by job id
   */
  Map<String, Integer> runningInstances();

  /**
   * Returns the job stores by alias (once started, including the {@code default} store the
   * scheduler added), for health checks and tooling; change jobs through the scheduler, not the
   * stores.
   *
   * @return the stores, unmodifiable
   */
  Map<String, JobStore> jobStores();
}
