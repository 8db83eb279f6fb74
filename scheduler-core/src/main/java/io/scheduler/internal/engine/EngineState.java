package io.scheduler.internal.engine;

/** The engine's states; the facades report them as {@code SchedulerState}s of the same names. */
public enum EngineState {
  /** Not started, or shut down. */
  STOPPED,
  /** Running: due jobs are submitted. */
  RUNNING,
  /** Started, with job processing paused. */
  PAUSED
}
