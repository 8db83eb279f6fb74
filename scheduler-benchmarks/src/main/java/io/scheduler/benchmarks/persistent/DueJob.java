package io.scheduler.benchmarks.persistent;

import java.time.Instant;

/**
 * A one-shot job to add: its id (the job's index as text, or {@code warm-}index for a warm-up job)
 * and when it is due.
 *
 * @param id the job id, which the task receives back
 * @param at the run instant, whole milliseconds (Quartz keeps milliseconds)
 */
record DueJob(String id, Instant at) {

  private static final String WARM_UP = "warm-";

  /** A measured job: its id is {@code index}. */
  static DueJob measured(int index, Instant at) {
    return new DueJob(Integer.toString(index), at);
  }

  /** A warm-up job, which {@link Recorder} counts apart. */
  static DueJob warmUp(int index, Instant at) {
    return new DueJob(WARM_UP + index, at);
  }

  /** Whether {@code id} names a warm-up job. */
  static boolean isWarmUp(String id) {
    return id.startsWith(WARM_UP);
  }
}
