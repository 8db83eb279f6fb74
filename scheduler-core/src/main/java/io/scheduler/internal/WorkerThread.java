package io.scheduler.internal;

import org.jspecify.annotations.Nullable;

/**
 * A thread of an executor the scheduler created. It remembers whose job it is running in a plain
 * field, which the run reads and writes twice per job; a {@link ThreadLocal} would cost a hash
 * lookup each time.
 */
public final class WorkerThread extends Thread {

  private @Nullable Object runningJobOf;

  /**
   * Creates the thread.
   *
   * @param run what it runs
   * @param name its name
   */
  public WorkerThread(Runnable run, String name) {
    super(run, name);
  }

  /**
   * Returns the owner of the job this thread runs now, or {@code null}.
   *
   * @return the scheduler whose job runs, as set by {@link #runningJobOf(Object)}
   */
  public @Nullable Object runningJobOf() {
    return runningJobOf;
  }

  /**
   * Records the owner of the job this thread runs from now on; only this thread calls it.
   *
   * @param owner the scheduler, or {@code null} when no job runs
   */
  public void runningJobOf(@Nullable Object owner) {
    runningJobOf = owner;
  }
}
