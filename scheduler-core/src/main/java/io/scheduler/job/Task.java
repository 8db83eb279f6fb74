package io.scheduler.job;

import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/**
 * The code a job runs. Most jobs pass a {@link Runnable} or {@link Callable} to {@link
 * JobSpec.Builder#task(Runnable)}; implement this interface directly to read the run's {@link
 * TaskContext} (scheduled run time, args, kwargs).
 *
 * <p>A task that returns a {@link java.util.concurrent.CompletionStage} counts as running until the
 * stage completes, without holding a worker thread; the stage's outcome becomes the run's outcome.
 */
@FunctionalInterface
public interface Task {

  /**
   * Runs the task once.
   *
   * @param context the job and the run time this run is for
   * @return a result reported in the {@code JOB_EXECUTED} event, possibly a {@code
   *     CompletionStage}, or {@code null}
   * @throws Exception any failure, reported as a {@code JOB_ERROR} event
   */
  @Nullable Object run(TaskContext context) throws Exception;

  /**
   * Adapts a {@link Runnable}.
   *
   * @param runnable the code to run
   * @return a task that runs it and returns {@code null}
   */
  static Task of(Runnable runnable) {
    return new Adapters.RunnableTask(runnable);
  }

  /**
   * Adapts a {@link Callable}.
   *
   * @param callable the code to call
   * @return a task that returns what the callable returns
   */
  static Task of(Callable<?> callable) {
    return new Adapters.CallableTask(callable);
  }
}
