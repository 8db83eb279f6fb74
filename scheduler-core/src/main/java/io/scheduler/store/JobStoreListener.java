package io.scheduler.store;

/**
 * How a job store reports to the scheduler that uses it. Shared stores call it from their own
 * threads; implementations return quickly.
 */
public interface JobStoreListener {

  /** A listener that ignores everything (for stores used outside a scheduler, as in tests). */
  JobStoreListener NONE =
      new JobStoreListener() {
        @Override
        public void jobsChanged() {}

        @Override
        public void jobLoadFailed(String jobId, Exception cause) {}
      };

  /**
   * Another scheduler sharing the store added or changed jobs: due times may have moved earlier, so
   * the scheduler looks for due jobs now instead of at the end of its sleep.
   */
  void jobsChanged();

  /**
   * A stored job could not be loaded: its data is corrupt or its task cannot be resolved. The store
   * keeps the job untouched and skips it; it reports each such job once per change of its data.
   *
   * @param jobId the job's id
   * @param cause what went wrong, naming the job
   */
  void jobLoadFailed(String jobId, Exception cause);
}
