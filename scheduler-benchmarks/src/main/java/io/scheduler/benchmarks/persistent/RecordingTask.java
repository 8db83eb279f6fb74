package io.scheduler.benchmarks.persistent;

import io.scheduler.job.TaskContext;

/**
 * Our scheduler's task in the persistent benchmarks, named by the {@code TaskRef} {@value #REF}
 * (jobs in a persistent store name their task): reports the job id and scheduled run time to the
 * {@link Recorder}.
 */
public final class RecordingTask {

  /** The task reference our contender's jobs carry. */
  public static final String REF = "io.scheduler.benchmarks.persistent.RecordingTask::run";

  private RecordingTask() {}

  /**
   * Records one execution.
   *
   * @param context the job and the run time it runs for
   */
  public static void run(TaskContext context) {
    Recorder.ran(context.jobId(), context.scheduledRunTime());
  }
}
