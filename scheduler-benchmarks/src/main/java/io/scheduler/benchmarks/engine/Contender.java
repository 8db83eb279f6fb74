package io.scheduler.benchmarks.engine;

import java.time.Instant;

/**
 * One in-process scheduler under test, driven the same way by every workload.
 *
 * <p>A workload calls {@link #start()} once, then {@link #schedule} from a single thread, then
 * {@link #shutdown()} once. Every implementation runs tasks on {@value Contenders#WORKERS} worker
 * threads.
 */
public interface Contender {

  /**
   * Starts the scheduler; called once, before the first {@link #schedule}.
   *
   * @throws Exception if the scheduler cannot start
   */
  void start() throws Exception;

  /**
   * Schedules {@code task} to run once at {@code at}; an instant in the past means as soon as
   * possible.
   *
   * @param task what to run
   * @param at when to run it
   * @throws Exception if the scheduler rejects the job
   */
  void schedule(Runnable task, Instant at) throws Exception;

  /**
   * Stops the scheduler: drops jobs that are not due yet and waits for running ones to finish.
   *
   * @throws Exception if the scheduler does not stop cleanly
   */
  void shutdown() throws Exception;
}
