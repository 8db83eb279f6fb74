package io.scheduler.event;

/**
 * Receives {@link SchedulerEvent}s. Events are delivered synchronously on the thread that caused
 * them: scheduler and job-store events on the caller's or the scheduler's thread, run outcomes
 * ({@code JOB_EXECUTED}, {@code JOB_ERROR}, {@code JOB_MISSED}) on the worker that ran the job. A
 * listener that throws is logged and skipped; the other listeners and the scheduler carry on. Keep
 * listeners quick: they delay the work of the thread that delivers them.
 */
@FunctionalInterface
public interface SchedulerListener {

  /**
   * Handles one event.
   *
   * @param event the event
   */
  void onEvent(SchedulerEvent event);
}
