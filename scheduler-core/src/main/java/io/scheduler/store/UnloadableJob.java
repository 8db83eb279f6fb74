package io.scheduler.store;

import static io.scheduler.internal.Require.requireNonNull;

/**
 * A stored job that cannot be loaded (its JSON is corrupt, its task cannot be resolved here, ...):
 * the store keeps it untouched and skips it, {@code Scheduler.getUnloadableJobs()} lists it, and
 * {@code Scheduler.removeJob(id)} removes it.
 *
 * @param id the id it is stored under
 * @param jobStore the alias of its store
 * @param reason why it cannot be loaded
 */
public record UnloadableJob(String id, String jobStore, String reason) {

  /** Checks that no component is null. */
  public UnloadableJob {
    requireNonNull(id, "id");
    requireNonNull(jobStore, "jobStore");
    requireNonNull(reason, "reason");
  }
}
