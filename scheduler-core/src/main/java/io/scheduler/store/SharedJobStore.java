package io.scheduler.store;

import static io.scheduler.internal.Require.requireNonNull;

import io.scheduler.job.Job;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A job store that any number of schedulers, in any number of processes, may share. Every fire time
 * of every job is run by exactly one scheduler:
 *
 * <ul>
 *   <li>{@link #acquireDueJobs} claims the due jobs for this scheduler (the context's {@code
 *       schedulerId}) until {@code now + leaseTime()}; no other scheduler acquires them meanwhile,
 *       and a job whose acquirer died is acquired again once that lease has expired.
 *   <li>{@link #releaseAndClaim} stores the jobs' next run times and, in the same atomic step,
 *       claims each job's run ({@link RunClaim}) unless the job already runs {@code maxInstances}
 *       times across all schedulers. A release by a scheduler that no longer holds the acquisition
 *       changes nothing and returns {@link ReleaseResult#LEASE_LOST}.
 *   <li>While a run lasts, its scheduler renews the claim's lease ({@link #renewLeases}); when it
 *       ends, it {@linkplain #completeRun completes} the claim. A claim whose lease expired is
 *       taken over by another scheduler through {@link #recoverExpiredRuns} and run again.
 * </ul>
 *
 * Changes made by other schedulers are announced through {@link JobStoreListener#jobsChanged()}
 * where the backend can push them; the scheduler also polls every {@link #pollInterval()}.
 */
public interface SharedJobStore extends JobStore {

  /** How long acquisitions and run claims last without renewal, unless configured otherwise. */
  Duration DEFAULT_LEASE_TIME = Duration.ofSeconds(30);

  /** How often a scheduler looks into the store when no change was announced. */
  Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(10);

  @Override
  default SharedJobStore asShared() {
    return this;
  }

  /**
   * Returns how long an acquisition or a run claim lasts without renewal.
   *
   * @return a positive duration
   */
  Duration leaseTime();

  /**
   * Returns the longest a scheduler sleeps without looking into the store (it wakes earlier for due
   * jobs, lease renewals and announced changes).
   *
   * @return a positive duration
   */
  Duration pollInterval();

  /**
   * Releases acquired jobs as {@link #releaseJobs} does and, atomically with each release, claims a
   * run of the jobs that have run times.
   *
   * @param releases one entry per acquired job
   * @param now the current time; claims last until {@code now + leaseTime()}
   * @return for each entry, in order, what happened
   */
  List<ClaimResult> releaseAndClaim(List<Release> releases, Instant now);

  /**
   * Acquires due jobs and releases them with their runs claimed, as {@link #acquireDueJobs} then
   * {@link #releaseAndClaim} do, in one step where the backend can: a JDBC store reads, locks,
   * updates and claims in one transaction and needs no acquisition lease in between. The default
   * does the two steps.
   *
   * @param now the current time: jobs due at it are acquired, claims last until {@code now +
   *     leaseTime()}
   * @param limit the most jobs to acquire
   * @param decide given the due jobs, earliest first, returns one release per job, in the same
   *     order; it may be called again if the store retries the step, so it must only compute
   * @return the releases {@code decide} returned and what happened to each; empty when no job was
   *     due
   * @throws IllegalArgumentException when {@code decide} does not return one release per job
   */
  default AcquiredRuns acquireAndClaim(
      Instant now, int limit, Function<List<Job>, List<Release>> decide) {
    List<Job> due = acquireDueJobs(now, limit);
    if (due.isEmpty()) {
      return new AcquiredRuns(List.of(), List.of());
    }
    List<Release> releases = checkReleases(due, decide.apply(due));
    return new AcquiredRuns(releases, releaseAndClaim(releases, now));
  }

  /**
   * Checks that {@code releases} has one release per acquired job, in order.
   *
   * @param due the acquired jobs
   * @param releases what {@code decide} returned for them
   * @return {@code releases}
   * @throws IllegalArgumentException when they do not match
   */
  static List<Release> checkReleases(List<Job> due, List<Release> releases) {
    requireNonNull(releases, "releases");
    if (releases.size() != due.size()) {
      throw new IllegalArgumentException(
          "decide must return one release per acquired job ("
              + due.size()
              + "), but returned "
              + releases.size());
    }
    for (int i = 0; i < due.size(); i++) {
      if (releases.get(i).acquired() != due.get(i)) {
        throw new IllegalArgumentException(
            "release "
                + i
                + " is for job '"
                + releases.get(i).acquired().id()
                + "', but the job acquired at that position is '"
                + due.get(i).id()
                + "'");
      }
    }
    return releases;
  }

  /**
   * Claims one run of a job outside its schedule (the scheduler's {@code runJob}, "run now"): in
   * one atomic step, unless the job already runs {@code maxInstances} times across all schedulers,
   * a claim held by this scheduler until {@code now + leaseTime()} is stored, exactly as a release
   * claims a scheduled run. The job itself (its next run time, its acquisition) is not changed.
   *
   * @param job the job as stored (its id names the job; its {@code maxInstances} is the limit)
   * @param runTime the time the run is for
   * @param now the current time; the claim lasts until {@code now + leaseTime()}
   * @return the claim, or empty when the job already runs its maximum number of instances
   * @throws io.scheduler.exception.JobNotFoundException when the store has no job with the id
   */
  Optional<RunClaim> claimRun(Job job, Instant runTime, Instant now);

  /**
   * Extends the leases of claims this scheduler holds to {@code now + leaseTime()}.
   *
   * @param claims claims returned by this store to this scheduler
   * @param now the current time
   * @return the claims it no longer holds (taken over or completed): their renewal changed nothing
   */
  List<RunClaim> renewLeases(List<RunClaim> claims, Instant now);

  /**
   * Ends a run: removes the claim and so frees its instance.
   *
   * @param claim a claim this store returned to this scheduler
   * @return false, changing nothing, when the claim is no longer held with this fencing token
   */
  boolean completeRun(RunClaim claim);

  /**
   * Ends several runs as {@link #completeRun} ends each, in as few round trips and commits as the
   * backend allows; the scheduler completes the runs that ended meanwhile together. The default
   * completes them one at a time.
   *
   * @param claims claims this store returned to this scheduler
   * @return the claims it no longer held with their fencing tokens: for those nothing changed
   */
  default List<RunClaim> completeRuns(List<RunClaim> claims) {
    List<RunClaim> notHeld = new ArrayList<>();
    for (RunClaim claim : claims) {
      if (!completeRun(claim)) {
        notHeld.add(claim);
      }
    }
    return notHeld;
  }

  /**
   * Takes over claims whose lease expired before {@code now}: each is returned held by this
   * scheduler until {@code now + leaseTime()}, with a new fencing token and {@code recovered} set.
   *
   * @param now the current time
   * @param limit the most claims to take over
   * @return the claims taken over, to be run again
   */
  List<RunClaim> recoverExpiredRuns(Instant now, int limit);

  /**
   * Returns the job that a claim taken over by {@link #recoverExpiredRuns} runs: the stored job or,
   * when the release that claimed the run also removed the job (its last run, as for any one-shot
   * job), the job as released, if the store kept it with the claim; without it the run would be
   * lost with the scheduler that died. The default returns the stored job.
   *
   * @param claim a claim this store returned from {@link #recoverExpiredRuns}
   * @return the job to run, or empty when there is none (the claim is then completed unrun)
   */
  default Optional<Job> claimedJob(RunClaim claim) {
    return lookupJob(claim.jobId());
  }

  /**
   * One acquired job to release.
   *
   * @param acquired the snapshot {@link #acquireDueJobs} returned
   * @param updated the job's new snapshot, or {@code null} to delete it
   * @param runTimes the run times to claim a run for, earliest first; empty for no run
   */
  record Release(Job acquired, @Nullable Job updated, List<Instant> runTimes) {

    /**
     * Checks the components and copies the run times.
     *
     * @param acquired the acquired snapshot
     * @param updated the new snapshot, or {@code null}
     * @param runTimes the run times to claim
     */
    public Release {
      requireNonNull(acquired, "acquired");
      runTimes = List.copyOf(runTimes);
    }
  }

  /**
   * What {@link #acquireAndClaim} did.
   *
   * @param releases the release of each acquired job, earliest due first
   * @param results what happened to each, in the same order
   */
  record AcquiredRuns(List<Release> releases, List<ClaimResult> results) {

    /**
     * Checks and copies the components.
     *
     * @param releases the releases
     * @param results the results, one per release
     */
    public AcquiredRuns {
      releases = List.copyOf(releases);
      results = List.copyOf(results);
      if (releases.size() != results.size()) {
        throw new IllegalArgumentException(
            "one result per release expected, but got "
                + results.size()
                + " for "
                + releases.size());
      }
    }
  }

  /**
   * What {@link #releaseAndClaim} did with one job.
   *
   * @param release what happened to the job itself
   * @param claim the run claimed, or {@code null} when no run was asked for or it was refused
   * @param maxInstancesReached whether the run was refused because the job already runs its maximum
   *     number of instances across all schedulers
   */
  record ClaimResult(ReleaseResult release, @Nullable RunClaim claim, boolean maxInstancesReached) {

    /**
     * Checks the components.
     *
     * @param release what happened to the job
     * @param claim the claim, or {@code null}
     * @param maxInstancesReached whether the instance limit refused the run
     */
    public ClaimResult {
      requireNonNull(release, "release");
    }
  }
}
