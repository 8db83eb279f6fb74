package io.scheduler.executor;

import java.time.Duration;

/**
 * Runs job runs handed over by the scheduler. The scheduler does the bookkeeping (instance limits,
 * misfire checks, events); an executor only decides on which thread the work happens.
 */
public interface JobExecutor {

  /**
   * Prepares the executor (creates its threads); called when the scheduler starts or the executor
   * is added to a running scheduler. Called again after {@link #shutdown} when a scheduler is
   * restarted.
   *
   * @param alias the alias the executor was added under, used in thread names
   */
  default void start(String alias) {}

  /**
   * Runs {@code run} now or soon, on a thread of this executor.
   *
   * @param run the work
   * @throws java.util.concurrent.RejectedExecutionException when the executor is not running
   */
  void execute(Runnable run);

  /**
   * Stops taking work. With {@code wait}, blocks until running work finishes or {@code timeout}
   * passes, then interrupts what still runs. Idempotent.
   *
   * @param wait whether to wait for running work
   * @param timeout the longest wait
   */
  default void shutdown(boolean wait, Duration timeout) {}
}
