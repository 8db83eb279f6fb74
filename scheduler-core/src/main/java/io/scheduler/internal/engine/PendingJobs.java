package io.scheduler.internal.engine;

import static io.scheduler.internal.Require.requireArgument;

import io.scheduler.exception.JobNotFoundException;
import io.scheduler.job.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The jobs added while the scheduler is stopped, kept for {@code start()}, with what start needs to
 * schedule them. Not thread-safe: the engine guards it with its lock.
 */
final class PendingJobs {

  /** A job added before start; its next run time is computed at start unless it was set. */
  record PendingJob(Job job, boolean nextRunTimeIsSet, boolean replaceExisting) {}

  private final List<PendingJob> pending = new ArrayList<>();

  /** Adds a job, replacing a pending job with its id only when {@code replaceExisting}. */
  void add(Job job, boolean nextRunTimeIsSet, boolean replaceExisting) {
    String id = job.id();
    requireArgument(
        pending.stream().noneMatch(p -> p.job().id().equals(id)) || replaceExisting,
        "job id '%s' is already taken by a pending job",
        id);
    pending.removeIf(p -> p.job().id().equals(id));
    pending.add(new PendingJob(job, nextRunTimeIsSet, replaceExisting));
  }

  /**
   * Returns the pending job with an id.
   *
   * @throws JobNotFoundException when there is none
   */
  PendingJob get(String id) {
    for (PendingJob job : pending) {
      if (job.job().id().equals(id)) {
        return job;
      }
    }
    throw new JobNotFoundException(id, null);
  }

  /** Replaces a pending job (found by {@link #get}) with its changed version. */
  void replace(PendingJob found, PendingJob changed) {
    pending.set(pending.indexOf(found), changed);
  }

  void remove(PendingJob found) {
    pending.remove(found);
  }

  void clear() {
    pending.clear();
  }

  void clear(String jobStore) {
    pending.removeIf(p -> p.job().jobStore().equals(jobStore));
  }

  Optional<Job> find(String id) {
    return pending.stream().map(PendingJob::job).filter(job -> job.id().equals(id)).findFirst();
  }

  List<Job> jobs() {
    return pending.stream().map(PendingJob::job).toList();
  }

  List<Job> jobs(String jobStore) {
    return pending.stream()
        .map(PendingJob::job)
        .filter(job -> job.jobStore().equals(jobStore))
        .toList();
  }

  List<PendingJob> all() {
    return pending;
  }
}
