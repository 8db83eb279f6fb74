package io.scheduler.job;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Observes each run of a job while it happens, on the thread that runs it: the hook for timers,
 * tracing spans and logging context. {@link #started} is called just before the task runs; the
 * returned {@link Run} is told once when the run ends, which for a task that returns a {@code
 * CompletionStage} is when the stage completes (on the thread that completes it). An observer that
 * throws is logged and does not affect the run.
 */
@FunctionalInterface
public interface JobRunObserver {

  /**
   * Called just before a run of a job starts.
   *
   * @param job the job
   * @param scheduledRunTime the run time this run is for
   * @param startTime when it starts, from the scheduler's clock (minus {@code scheduledRunTime} is
   *     the run's lateness)
   * @return told when the run ends
   */
  Run started(Job job, Instant scheduledRunTime, Instant startTime);

  /** One observed run. */
  @FunctionalInterface
  interface Run {

    /**
     * Called once when the run ends.
     *
     * @param result what the task returned (the stage's value for asynchronous tasks), or {@code
     *     null}
     * @param error what the task threw (or the stage failed with), or {@code null} on success
     */
    void finished(@Nullable Object result, @Nullable Throwable error);

    /**
     * Called on the thread that started the run when the task returned an unfinished {@code
     * CompletionStage}: the run goes on without that thread, so close what is bound to it (a
     * tracing scope, logging context); {@link #finished} follows when the stage completes.
     */
    default void detached() {}
  }
}
