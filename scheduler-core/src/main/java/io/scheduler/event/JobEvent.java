package io.scheduler.event;

/** An event about one job, in one job store. */
public sealed interface JobEvent extends SchedulerEvent
    permits JobAdded,
        JobRemoved,
        JobModified,
        JobSubmitted,
        MaxInstancesReached,
        JobExecuted,
        JobFailed,
        JobMissed,
        JobRecovered,
        JobLeaseLost,
        JobLoadFailed {

  /**
   * Returns the job's id.
   *
   * @return the id
   */
  String jobId();

  /**
   * Returns the alias of the job store that holds the job.
   *
   * @return the store alias
   */
  String jobStore();
}
