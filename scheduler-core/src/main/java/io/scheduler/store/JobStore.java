package io.scheduler.store;

import io.scheduler.exception.ConflictingJobIdException;
import io.scheduler.exception.JobNotFoundException;
import io.scheduler.job.Job;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Keeps jobs and finds the due ones: APScheduler's job-store interface, with due jobs handed out by
 * <em>acquire</em> and <em>release</em> so a job is processed by one scheduler pass at a time (and,
 * in a shared store, by one process). Every method is thread-safe. Every implementation passes
 * {@code JobStoreContractTest} (in scheduler-core's test jar).
 */
public interface JobStore {

  /**
   * Prepares the store; called when the scheduler starts or the store is added to a running
   * scheduler.
   *
   * @param context the scheduler's alias for the store, clock, time zone and task resolver
   */
  default void start(JobStoreContext context) {}

  /**
   * Returns this store as a {@link SharedJobStore} when it is one, so the scheduler processes it
   * with claims and leases; it is asked once, when the store is added.
   *
   * @return this store when it is shared, otherwise {@code null} (the default)
   */
  default @Nullable SharedJobStore asShared() {
    return null;
  }

  /** Releases resources; called when the scheduler shuts down or the store is removed. */
  default void shutdown() {}

  /**
   * Checks that the store can be reached now (for health checks); the memory store always can.
   *
   * @throws io.scheduler.exception.JobStoreException when it cannot, with the reason
   */
  default void checkAvailable() {}

  /**
   * Adds a job.
   *
   * @param job the job
   * @throws ConflictingJobIdException when a job with its id exists
   */
  void addJob(Job job);

  /**
   * Adds several jobs, all or none; stores override it to add a batch in one step. The default adds
   * them one by one and, when one fails, removes the ones it added before it.
   *
   * @param jobs the jobs, with distinct ids
   * @throws ConflictingJobIdException when a job's id exists
   */
  default void addJobs(List<Job> jobs) {
    for (int i = 0; i < jobs.size(); i++) {
      try {
        addJob(jobs.get(i));
      } catch (RuntimeException e) {
        for (Job added : jobs.subList(0, i)) {
          try {
            removeJob(added.id());
          } catch (RuntimeException removal) {
            e.addSuppressed(removal);
          }
        }
        throw e;
      }
    }
  }

  /**
   * Replaces the stored job with the same id. A job acquired at the time is superseded: its release
   * will change nothing.
   *
   * @param job the new snapshot
   * @throws JobNotFoundException when no job has its id
   */
  void updateJob(Job job);

  /**
   * Replaces the stored job with {@code updated} only while it is still {@code expected}, the
   * snapshot this store returned: same stored form and next run time. A store shared between
   * schedulers checks and writes atomically (under the job's lock or its version), so a change made
   * in between, such as another scheduler storing a run's next run time, is never overwritten; the
   * default checks, then updates, which suits a store only this scheduler uses (the scheduler holds
   * its processing lock meanwhile).
   *
   * @param expected the stored job as read
   * @param updated the new snapshot, with the same id
   * @return true when replaced; false, changing nothing, when the job changed or was removed since
   */
  default boolean replaceJob(Job expected, Job updated) {
    Optional<Job> current = lookupJob(expected.id());
    if (current.isEmpty() || !JobJson.sameState(current.get(), expected)) {
      return false;
    }
    updateJob(updated);
    return true;
  }

  /**
   * Removes a job.
   *
   * @param id the job id
   * @throws JobNotFoundException when no job has the id
   */
  void removeJob(String id);

  /** Removes every job. */
  void removeAllJobs();

  /**
   * Returns the job with an id.
   *
   * @param id the job id
   * @return the job, or empty
   */
  Optional<Job> lookupJob(String id);

  /**
   * Returns every job, by next run time, paused jobs last.
   *
   * @return the jobs
   */
  List<Job> getAllJobs();

  /**
   * Returns the stored jobs that cannot be loaded (and so are missing from {@link #getAllJobs}),
   * each with the reason; {@link #removeJob} removes them like any job. A store that cannot hold
   * such jobs (the memory store) has none, the default.
   *
   * @return the jobs that cannot be loaded
   */
  default List<UnloadableJob> getUnloadableJobs() {
    return List.of();
  }

  /**
   * Takes up to {@code limit} jobs whose next run time is at or before {@code now}, earliest first.
   * An acquired job is not handed out again until it is released (or updated).
   *
   * @param now the current time
   * @param limit the most jobs to return, at least 1
   * @return the due jobs
   */
  List<Job> acquireDueJobs(Instant now, int limit);

  /**
   * Gives back an acquired job: stores {@code updated} (normally the job with its next run time
   * advanced) or, when it is {@code null}, deletes the job. Does nothing when the job was changed
   * or removed since it was acquired.
   *
   * @param acquired the snapshot {@link #acquireDueJobs} returned
   * @param updated the job's new snapshot, or {@code null} to remove it
   * @return what happened
   */
  ReleaseResult releaseJob(Job acquired, @Nullable Job updated);

  /**
   * Releases several acquired jobs, as {@link #releaseJob} does for each; stores override it to
   * release a batch in one step.
   *
   * @param acquired the snapshots {@link #acquireDueJobs} returned
   * @param updated for each, its new snapshot, or {@code null} to remove it
   * @return for each, what happened
   */
  default List<ReleaseResult> releaseJobs(List<Job> acquired, List<@Nullable Job> updated) {
    List<ReleaseResult> results = new ArrayList<>(acquired.size());
    for (int i = 0; i < acquired.size(); i++) {
      results.add(releaseJob(acquired.get(i), updated.get(i)));
    }
    return results;
  }

  /**
   * Returns the earliest next run time of the jobs not acquired and not paused.
   *
   * @return the time, or empty when no job is scheduled
   */
  Optional<Instant> nextRunTime();
}
