package io.scheduler;

/** The states of a scheduler, with APScheduler's numbers in declaration order (0, 1, 2). */
public enum SchedulerState {
  /** Not started, or shut down: jobs added now are pending until {@code start()}. */
  STOPPED,
  /** Running: due jobs are submitted to their executors. */
  RUNNING,
  /** Started, but job processing is paused until {@code resume()}. */
  PAUSED
}
