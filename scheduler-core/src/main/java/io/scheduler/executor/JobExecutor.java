package io.scheduler.executor;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

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
   * Hands over several runs at once, to start in their order as threads free up. The scheduler
   * calls this with the runs of a batch of due jobs; the default hands each one to {@link
   * #execute}. A pool overrides it to hand over a batch in a few steps rather than one per run.
   *
   * @param runs the work, in order
   * @return how many runs, from the first, were accepted; the rest were rejected (the executor is
   *     not running)
   */
  default int executeAll(List<? extends Runnable> runs) {
    for (int i = 0; i < runs.size(); i++) {
      try {
        execute(runs.get(i));
      } catch (RejectedExecutionException e) {
        return i;
      }
    }
    return runs.size();
  }

  /**
   * Stops taking work. With {@code wait}, blocks until running work finishes or {@code timeout}
   * passes, then interrupts what still runs. Idempotent.
   *
   * @param wait whether to wait for running work
   * @param timeout the longest wait
   */
  default void shutdown(boolean wait, Duration timeout) {}
}
