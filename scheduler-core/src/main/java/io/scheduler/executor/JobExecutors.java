package io.scheduler.executor;

import static io.scheduler.internal.Require.requireArgument;
import static io.scheduler.internal.Require.requireNonNull;

import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/** Factories for the built-in executors. */
public final class JobExecutors {

  /** APScheduler's default thread-pool size. */
  public static final int DEFAULT_MAX_WORKERS = 10;

  private JobExecutors() {}

  /**
   * Returns a pool of {@value #DEFAULT_MAX_WORKERS} worker threads (APScheduler's default
   * executor).
   *
   * @return the executor
   */
  public static JobExecutor threadPool() {
    return threadPool(DEFAULT_MAX_WORKERS);
  }

  /**
   * Returns a pool of {@code maxWorkers} threads named {@code scheduler-<alias>-<n>}. Idle workers
   * end after a minute, so an idle scheduler holds no threads.
   *
   * @param maxWorkers the number of worker threads, at least 1
   * @return the executor
   */
  public static JobExecutor threadPool(int maxWorkers) {
    return threadPool(maxWorkers, null);
  }

  /**
   * Returns a pool of {@code maxWorkers} threads with a thread-name prefix.
   *
   * @param maxWorkers the number of worker threads, at least 1
   * @param threadNamePrefix the prefix of worker thread names, or {@code null} for {@code
   *     scheduler-<alias>-}
   * @return the executor
   */
  public static JobExecutor threadPool(int maxWorkers, @Nullable String threadNamePrefix) {
    requireArgument(maxWorkers > 0, "maxWorkers must be greater than 0, but was %s", maxWorkers);
    return new ThreadPoolJobExecutor(maxWorkers, threadNamePrefix);
  }

  /**
   * Returns an executor that starts a virtual thread per run, without a limit. Needs Java 21 or
   * later.
   *
   * @return the executor
   * @throws IllegalStateException on Java 17 to 20
   */
  public static JobExecutor virtualThreads() {
    return new VirtualThreadJobExecutor(0, null);
  }

  /**
   * Returns an executor that starts a virtual thread per run, without a limit, with a thread-name
   * prefix. Needs Java 21 or later.
   *
   * @param threadNamePrefix the prefix of thread names, or {@code null} for {@code
   *     scheduler-<alias>-}
   * @return the executor
   * @throws IllegalStateException on Java 17 to 20
   */
  public static JobExecutor virtualThreads(@Nullable String threadNamePrefix) {
    return new VirtualThreadJobExecutor(0, threadNamePrefix);
  }

  /**
   * Returns an executor that starts a virtual thread per run, with at most {@code maxWorkers}
   * running at once (the others wait, without holding a platform thread). Needs Java 21 or later.
   *
   * @param maxWorkers the most runs at once, at least 1
   * @param threadNamePrefix the prefix of thread names, or {@code null} for {@code
   *     scheduler-<alias>-}
   * @return the executor
   * @throws IllegalStateException on Java 17 to 20
   */
  public static JobExecutor virtualThreads(int maxWorkers, @Nullable String threadNamePrefix) {
    requireArgument(maxWorkers > 0, "maxWorkers must be greater than 0, but was %s", maxWorkers);
    return new VirtualThreadJobExecutor(maxWorkers, threadNamePrefix);
  }

  /**
   * Returns an executor that runs each job on the thread that submits it: the scheduler's own
   * thread, or the test's thread under {@code ManualScheduler}. Runs block the scheduler while they
   * last, so use it for tests and trivial jobs.
   *
   * @return the executor
   */
  public static JobExecutor direct() {
    return Runnable::run;
  }

  /**
   * Adapts an {@link Executor} you own. The scheduler never shuts it down.
   *
   * @param executor the executor
   * @return the job executor
   */
  public static JobExecutor of(Executor executor) {
    requireNonNull(executor, "executor");
    return executor::execute;
  }
}
