package io.scheduler.job;

/**
 * What to do when a job has several overdue run times at once (APScheduler 4's {@code
 * CoalescePolicy}). APScheduler 3's {@code coalesce=True} is {@link #LATEST}, {@code
 * coalesce=False} is {@link #ALL}.
 */
public enum CoalescePolicy {
  /** Run once, for the earliest overdue run time. */
  EARLIEST,
  /** Run once, for the latest overdue run time (APScheduler's {@code coalesce=True}). */
  LATEST,
  /** Run for every overdue run time, one after the other (APScheduler's {@code coalesce=False}). */
  ALL;

  /**
   * Returns the policy for APScheduler 3's boolean {@code coalesce}.
   *
   * @param coalesce whether overdue runs collapse into one
   * @return {@link #LATEST} for {@code true}, {@link #ALL} for {@code false}
   */
  public static CoalescePolicy of(boolean coalesce) {
    return coalesce ? LATEST : ALL;
  }
}
